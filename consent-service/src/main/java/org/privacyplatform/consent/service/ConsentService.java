package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.privacyplatform.commons.db.AdvisoryLocks;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.events.ConsentGranted;
import org.privacyplatform.commons.events.ConsentWithdrawn;
import org.privacyplatform.commons.events.ErasureCompleted;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.commons.security.ActorType;
import org.privacyplatform.consent.ConsentRecord;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.MarketingSuppression;
import org.privacyplatform.consent.SubjectMinor;
import org.privacyplatform.consent.SubjectRestriction;
import org.privacyplatform.consent.repository.ConsentRecordRepository;
import org.privacyplatform.consent.repository.ConsentStateRepository;
import org.privacyplatform.consent.repository.DeviceLinkRepository;
import org.privacyplatform.consent.repository.MinorRepository;
import org.privacyplatform.consent.repository.NoticeRepository;
import org.privacyplatform.consent.repository.RestrictionRepository;
import org.privacyplatform.consent.repository.SuppressionRepository;
import org.privacyplatform.consent.config.ConsentConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consent use cases. Every change writes the current state, a history record and (where the
 * permission changes) its event in one transaction; decisions are serialised per subject.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    /** Source of decisions the service makes itself (expiry). */
    public static final String SOURCE_SYSTEM = "system";
    /** Source of decisions that arrive as rights requests (objections). */
    public static final String SOURCE_RIGHTS_REQUEST = "rights-request";
    public static final String SYSTEM_NAME = "consent-service";
    /** This service deciding by its own rule (a consent lapsing). */
    static final Actor SELF = Actor.system(SYSTEM_NAME);
    /** Objections arrive as the rights-request service's events. */
    static final Actor RIGHTS_REQUESTS = Actor.system("rights-request-service");

    /**
     * Which sources each actor may declare. {@code web} and {@code mobile} say the subject decided in a frontend,
     * which the subject's own token proves; a calling system records on the subject's behalf ({@code api}) or
     * brings earlier decisions in ({@code import}), and may not claim the subject's own click.
     */
    static final Map<ActorType, Set<String>> SOURCES = Map.of(
            ActorType.SUBJECT, Set.of("web", "mobile"),
            ActorType.SERVICE, Set.of("api", "import"));

    /**
     * A decision to record. {@code source}: web, mobile, api, import (or the service's own sources). {@code age}: what
     * the caller states of the subject's age, or null; {@code parentalConsentHolder}: the reference of the holder of
     * parental responsibility who gave or authorised a grant, or null.
     */
    public record RecordDecision(String subjectId, String purposeId, boolean granted, String noticeVersion,
            String source, Actor actor, Integer privacyNoticeVersion, AgeStatement age, String parentalConsentHolder) {

        public RecordDecision(String subjectId, String purposeId, boolean granted, String noticeVersion, String source,
                Actor actor, Integer privacyNoticeVersion) {
            this(subjectId, purposeId, granted, noticeVersion, source, actor, privacyNoticeVersion, null, null);
        }

        public RecordDecision(String subjectId, String purposeId, boolean granted, String noticeVersion, String source,
                Actor actor) {
            this(subjectId, purposeId, granted, noticeVersion, source, actor, null);
        }
    }

    /**
     * What a caller states of the subject's age (Art. 8 GDPR): their birth date, or whether they are a minor (under
     * the age of digital consent). {@code field} names where it came from, for the errors.
     */
    public record AgeStatement(LocalDate birthDate, Boolean minor, String field) {
    }

    /** The outcome of recording: the state now, and whether anything changed. */
    public record Recorded(ConsentState state, boolean changed) {
    }

    private final PurposeCatalog catalog;
    private final ConsentStateRepository states;
    private final ConsentRecordRepository records;
    private final RestrictionRepository restrictions;
    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final EntityManager entityManager;
    private final Event<SubjectChanged> subjectChanged;
    private final NoticeRepository notices;
    private final DeviceLinkRepository deviceLinks;
    private final MinorRepository minors;
    private final SuppressionRepository suppressions;
    private final ConsentConfig config;

    public ConsentService(PurposeCatalog catalog, ConsentStateRepository states, ConsentRecordRepository records,
            RestrictionRepository restrictions, Outbox outbox, Pseudonyms pseudonyms, Clock clock,
            EntityManager entityManager, Event<SubjectChanged> subjectChanged, NoticeRepository notices,
            DeviceLinkRepository deviceLinks, MinorRepository minors, SuppressionRepository suppressions,
            ConsentConfig config) {
        this.minors = minors;
        this.suppressions = suppressions;
        this.config = config;
        this.notices = notices;
        this.deviceLinks = deviceLinks;
        this.catalog = catalog;
        this.states = states;
        this.records = records;
        this.restrictions = restrictions;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.entityManager = entityManager;
        this.subjectChanged = subjectChanged;
    }

    public Recorded record(RecordDecision decision) {
        if (DeviceReferences.isDevice(decision.subjectId())) {
            throw ProblemException.badRequest("subjectId", "a device's reference is not a subject: a device's choices go "
                    + "through /devices/{deviceId}");
        }
        Set<String> declarable = SOURCES.getOrDefault(decision.actor().type(), Set.of());
        if (!declarable.contains(decision.source())) {
            throw ProblemException.badRequest("source", "a " + decision.actor().type().name().toLowerCase(Locale.ROOT)
                    + " records a decision with source " + String.join(" or ", new TreeSet<>(declarable))
                    + ", not '" + decision.source() + "': web and mobile are the subject's own frontend, api and "
                    + "import a calling system on the subject's behalf");
        }
        PurposeCatalog.Entry purpose = checkDecision(decision);
        if (!decision.granted() && purpose.legalBasis() == LegalBasis.LEGITIMATE_INTEREST && !purpose.directMarketing()) {
            // Art. 21(1): unlike direct marketing, such an objection stops the processing only once the DPO reviewed it
            throw ProblemException.conflict("purpose '" + purpose.id() + "' is a legitimate interest other than direct "
                    + "marketing: an objection to it is reviewed by the DPO, who upholds it or shows compelling "
                    + "legitimate grounds (Art. 21(1)); file it as an OBJECTION request with rights-request-service "
                    + "(POST /requests, details.purposeIds)");
        }
        checkParentalConsent(decision, purpose);
        OffsetDateTime now = now();
        checkAge(decision.age(), now);
        lockSubject(decision.subjectId());
        SubjectMinor stored = minors.findById(decision.subjectId());
        MinorNow minor = minorAfter(stored, decision.age(), now);
        checkOwnStatement(decision, stored, minor);
        ConsentStatus target = targetOf(purpose, decision.granted());
        boolean renew = target == ConsentStatus.GRANTED && purpose.legalBasis() == LegalBasis.CONSENT && minor.known()
                && checkMinorsGrant(decision, minor, now);
        boolean minorChanged = storeMinor(decision.subjectId(), stored, minor, now);
        Recorded recorded = change(purpose, decision.subjectId(), target, decision.noticeVersion(), decision.source(),
                decision.actor(), reasonOf(target), decision.privacyNoticeVersion(), null,
                target == ConsentStatus.GRANTED ? decision.parentalConsentHolder() : null, renew);
        if (minorChanged && !recorded.changed()) {
            subjectChanged.fire(new SubjectChanged(decision.subjectId()));
        }
        return recorded;
    }

    /**
     * A grant of a consent purpose for a subject known as a minor: refused (422, before anything is written, the age
     * stated with it included) while they are under the age and no holder of parental responsibility gives it, unless
     * it repeats a holder's grant in force. Returns whether the grant in force is one they gave alone while under the
     * age: it never counted, so the same grant now is a new decision, not a repeat.
     */
    private boolean checkMinorsGrant(RecordDecision decision, MinorNow minor, OffsetDateTime now) {
        ConsentState current = states.lockFor(decision.subjectId(), decision.purposeId()).orElse(null);
        boolean grantInForce = current != null && current.status == ConsentStatus.GRANTED
                && (current.expiresAt == null || current.expiresAt.isAfter(now));
        boolean parentsGrantRepeated = grantInForce && current.parentalConsentHolder != null
                && current.noticeVersion.equals(decision.noticeVersion());
        if (AgeOfConsent.under(minor.consentAgeOn(), now) && decision.parentalConsentHolder() == null
                && !parentsGrantRepeated) {
            String detail = "the subject is under " + AgeOfConsent.YEARS + " (Art. 8 GDPR, art. 45 loi Informatique et "
                    + "Libertés): a consent counts only when a holder of parental responsibility gives or authorises it; "
                    + "the calling system that verified the holder records the grant with parentalConsent.holder";
            throw new ProblemException(422, "Unprocessable Content", detail,
                    List.of(new Problem.FieldError("parentalConsent", detail)));
        }
        return current != null && current.status == ConsentStatus.GRANTED && current.parentalConsentHolder == null
                && current.decidedAt.isBefore(minor.consentAgeOn() == null ? now : AgeOfConsent.reachedAt(minor.consentAgeOn()));
    }

    /** Only a calling system records a parental consent, only on a grant of a consent purpose, never by the child. */
    private static void checkParentalConsent(RecordDecision decision, PurposeCatalog.Entry purpose) {
        String holder = decision.parentalConsentHolder();
        if (holder == null) {
            return;
        }
        if (decision.actor().type() != ActorType.SERVICE) {
            throw ProblemException.badRequest("parentalConsent", "a parental consent is recorded by the calling system "
                    + "that verified the holder of parental responsibility (Art. 8(2) GDPR), not by the subject's own token");
        }
        if (!decision.granted() || purpose.legalBasis() != LegalBasis.CONSENT) {
            throw ProblemException.badRequest("parentalConsent", "a parental consent goes with a grant of a consent purpose");
        }
        if (holder.equals(decision.subjectId())) {
            throw ProblemException.badRequest("parentalConsent.holder", "the holder of parental responsibility is not the "
                    + "subject themselves");
        }
    }

    private static void checkAge(AgeStatement age, OffsetDateTime now) {
        if (age == null || age.birthDate() == null) {
            return;
        }
        if (age.birthDate().isAfter(AgeOfConsent.today(now)) || age.birthDate().isBefore(AgeOfConsent.EARLIEST_BIRTH)) {
            throw ProblemException.badRequest(age.field(), "a birth date is a day between "
                    + AgeOfConsent.EARLIEST_BIRTH + " and today");
        }
    }

    /**
     * A subject's own statement in the body never ends or shortens a minority already known: a child could otherwise
     * undo what the calling system that checked their age recorded and consent alone. Only a calling system, or the
     * identity provider's {@code birthdate} claim in the subject's own token, does that. A subject may still say they
     * are a minor, or one for longer. Refused (403) before anything is written.
     */
    private static void checkOwnStatement(RecordDecision decision, SubjectMinor stored, MinorNow minor) {
        AgeStatement age = decision.age();
        if (stored == null || age == null || decision.actor().type() != ActorType.SUBJECT
                || age.field().startsWith("token.")) {
            return;
        }
        boolean shortened = stored.consentAgeOn == null ? minor.consentAgeOn() != null
                : minor.consentAgeOn() != null && minor.consentAgeOn().isBefore(stored.consentAgeOn);
        if (shortened) {
            throw new ProblemException(403, "Forbidden", "the subject is known as under " + AgeOfConsent.YEARS
                    + " (Art. 8 GDPR, art. 45 loi Informatique et Libertés): their own statement does not end it sooner; "
                    + "the calling system that checks their age states it, or their identity provider's birthdate claim",
                    List.of(new Problem.FieldError(age.field(), "a subject known as a minor does not end it themselves")));
        }
    }

    /** Whether the subject is known as a minor once the statement is taken in, and the day they reach the age. */
    private record MinorNow(boolean known, LocalDate consentAgeOn) {
    }

    /**
     * The newest statement wins. A birth date under the age makes the subject a minor until the day they reach it; one
     * over it changes nothing for a subject never known as a minor (nothing is stored of adults), and dates the end
     * for one who was. {@code minor: true} keeps a known future date, else has none; {@code minor: false} ends it today.
     * A subject once known as a minor stays known (with the day they reached the age), so that what they granted alone
     * before it keeps not counting.
     */
    private static MinorNow minorAfter(SubjectMinor stored, AgeStatement age, OffsetDateTime now) {
        boolean known = stored != null;
        LocalDate on = stored == null ? null : stored.consentAgeOn;
        if (age == null) {
            return new MinorNow(known, on);
        }
        if (age.birthDate() != null) {
            LocalDate reached = AgeOfConsent.reachedOn(age.birthDate());
            return AgeOfConsent.under(reached, now) || known ? new MinorNow(true, reached) : new MinorNow(false, null);
        }
        if (Boolean.TRUE.equals(age.minor())) {
            return new MinorNow(true, on != null && AgeOfConsent.under(on, now) ? on : null);
        }
        if (Boolean.FALSE.equals(age.minor()) && known && AgeOfConsent.under(on, now)) {
            return new MinorNow(true, AgeOfConsent.today(now));
        }
        return new MinorNow(known, on);
    }

    /** Writes what changed of the subject's minority; returns whether anything did. */
    private boolean storeMinor(String subjectId, SubjectMinor stored, MinorNow minor, OffsetDateTime now) {
        if (!minor.known() || (stored != null && Objects.equals(stored.consentAgeOn, minor.consentAgeOn()))) {
            return false;
        }
        SubjectMinor row = stored;
        if (row == null) {
            row = new SubjectMinor();
            row.subjectId = subjectId;
        }
        row.consentAgeOn = minor.consentAgeOn();
        row.statedAt = now;
        if (stored == null) {
            minors.persist(row);
        }
        return true;
    }

    /**
     * The checks every decision passes before anything is locked or written: the purpose exists, the notice versions
     * were published, and the purpose takes a decision at all. Returns the purpose.
     */
    PurposeCatalog.Entry checkDecision(RecordDecision decision) {
        PurposeCatalog.Entry purpose = catalog.find(decision.purposeId())
                .orElseThrow(() -> ProblemException.notFound("no purpose '" + decision.purposeId() + "'"));
        if (purpose.notice(decision.noticeVersion()).isEmpty()) {
            throw ProblemException.badRequest("noticeVersion", "purpose '" + purpose.id() + "' has no notice version '"
                    + decision.noticeVersion() + "' (current: " + purpose.currentNoticeVersion() + ")");
        }
        if (decision.privacyNoticeVersion() != null && notices.findByIdOptional(decision.privacyNoticeVersion()).isEmpty()) {
            throw ProblemException.badRequest("privacyNoticeVersion", "no version " + decision.privacyNoticeVersion()
                    + " of the privacy notice was published (GET /notice names the current one)");
        }
        if (purpose.legalBasis() == LegalBasis.CONTRACT || purpose.legalBasis() == LegalBasis.LEGAL_OBLIGATION) {
            throw ProblemException.conflict("purpose '" + purpose.id() + "' rests on " + purpose.legalBasis()
                    + ": processing does not depend on consent and cannot be objected to under Art. 21");
        }
        return purpose;
    }

    static ConsentStatus targetOf(PurposeCatalog.Entry purpose, boolean granted) {
        return granted ? ConsentStatus.GRANTED
                : purpose.legalBasis() == LegalBasis.CONSENT ? ConsentStatus.WITHDRAWN : ConsentStatus.OBJECTED;
    }

    static String reasonOf(ConsentStatus target) {
        return target == ConsentStatus.OBJECTED ? ConsentWithdrawn.OBJECTION
                : target == ConsentStatus.WITHDRAWN ? ConsentWithdrawn.WITHDRAWN : null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentState> current(String subjectId) {
        return states.forSubject(subjectId);
    }

    /**
     * Whether the subject's pseudonym is on the marketing suppression list (Art. 21(3)): they objected to direct
     * marketing before an erasure, so a direct-marketing purpose they have made no choice on since is not processed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean suppressed(String subjectId) {
        return suppressions.findById(pseudonyms.of(subjectId)) != null;
    }

    /** The subject's history; with {@code includePseudonymised}, also what was kept after an erasure. */
    @Transactional(Transactional.TxType.SUPPORTS)
    /** A page of the subject's decisions, oldest first, with one more if another page follows. */
    public List<ConsentRecord> history(String subjectId, boolean includePseudonymised, PageRequest page) {
        return records.history(includePseudonymised ? List.of(subjectId, pseudonyms.of(subjectId)) : List.of(subjectId), page);
    }

    /** Expires one batch of lapsed grants; returns how many. Concurrent instances skip each other's rows. */
    public int expireBatch(int limit) {
        OffsetDateTime now = now();
        List<ConsentState> lapsed = states.lockExpiredGrants(now, limit);
        for (ConsentState state : lapsed) {
            PurposeCatalog.Entry purpose = catalog.find(state.purposeId).orElseThrow();
            apply(purpose, state, ConsentStatus.EXPIRED, state.noticeVersion, null, SOURCE_SYSTEM, SELF,
                    ConsentWithdrawn.EXPIRED, now, true, null, null);
        }
        return lapsed.size();
    }

    /** Art. 21 through a rights request: objects to each named purpose (or every legitimate-interest one). */
    public void object(String subjectId, List<String> purposeIds, boolean directMarketingOnly) {
        lockSubject(subjectId);
        List<PurposeCatalog.Entry> targets = purposeIds == null || purposeIds.isEmpty()
                ? catalog.all().stream().filter(p -> p.legalBasis() == LegalBasis.LEGITIMATE_INTEREST).toList()
                : purposeIds.stream().map(catalog::find).flatMap(Optional::stream).toList();
        for (PurposeCatalog.Entry purpose : targets) {
            if (directMarketingOnly && !purpose.directMarketing()) {
                continue;
            }
            ConsentStatus target = switch (purpose.legalBasis()) {
                case LEGITIMATE_INTEREST -> ConsentStatus.OBJECTED;
                case CONSENT -> ConsentStatus.WITHDRAWN;
                default -> null;
            };
            if (target != null) {
                change(purpose, subjectId, target, purpose.currentNoticeVersion(), SOURCE_RIGHTS_REQUEST,
                        RIGHTS_REQUESTS, ConsentWithdrawn.OBJECTION);
            }
        }
    }

    /** Art. 18: from now on the decision API allows storage only. */
    public void restrict(String subjectId, String requestId, OffsetDateTime at) {
        SubjectRestriction restriction = restrictions.findById(subjectId);
        boolean created = restriction == null;
        if (created) {
            restriction = new SubjectRestriction();
            restriction.subjectId = subjectId;
        }
        restriction.requestId = requestId;
        restriction.restrictedAt = at;
        if (created) {
            restrictions.persist(restriction);
        }
        subjectChanged.fire(new SubjectChanged(subjectId));
    }

    public void liftRestriction(String subjectId) {
        restrictions.deleteById(subjectId);
        subjectChanged.fire(new SubjectChanged(subjectId));
    }

    /**
     * Art. 17: removes the subject's consent state, restriction, device links and minor status; keeps the history, the
     * proof of consent (Art. 7(1)) and of defence against claims (Art. 17(3)(e)), under a pseudonym; and, when they had
     * objected to direct marketing, their pseudonym on the suppression list (Art. 21(3)). Reports what it did.
     */
    public ErasureCompleted erase(String subjectId, String requestId) {
        lockSubject(subjectId);
        OffsetDateTime now = now();
        String pseudonym = pseudonyms.of(subjectId);
        Optional<ErasureCompleted.Kept> suppressed = suppressMarketing(subjectId, pseudonym, now);
        long statesErased = states.deleteForSubject(subjectId);
        long restrictionsErased = restrictions.deleteById(subjectId) ? 1 : 0;
        // the devices the subject joined are no longer theirs; each device keeps its own choices, under its reference
        long linksErased = deviceLinks.deleteForSubject(subjectId);
        long minorErased = minors.deleteById(subjectId) ? 1 : 0;
        long kept = records.pseudonymise(subjectId, pseudonym, now);
        List<ErasureCompleted.Kept> keptList = new ArrayList<>();
        if (kept > 0) {
            keptList.add(new ErasureCompleted.Kept("consent-history", kept,
                    "Art. 7(1) and 17(3)(e) GDPR: proof of consent and defence of legal claims; "
                            + "kept under a pseudonym, without the subject id",
                    null));
        }
        suppressed.ifPresent(keptList::add);
        ErasureCompleted completed = new ErasureCompleted(requestId, subjectId, SYSTEM_NAME,
                List.of(new ErasureCompleted.Erased("consent-state", statesErased),
                        new ErasureCompleted.Erased("processing-restriction", restrictionsErased),
                        new ErasureCompleted.Erased("device-link", linksErased),
                        new ErasureCompleted.Erased("minor-status", minorErased)),
                List.copyOf(keptList));
        outbox.record(Topics.CONSENT, EventType.ERASURE_COMPLETED, subjectId, completed);
        subjectChanged.fire(new SubjectChanged(subjectId));
        return completed;
    }

    /**
     * Art. 21(3): a subject whose latest choice on a direct-marketing purpose was an objection or a withdrawal stays on
     * the suppression list under their pseudonym (the latest such choice dates it); one who consented to direct
     * marketing again since they were listed (after an earlier erasure) comes off it. Returns what is kept, if anything.
     */
    private Optional<ErasureCompleted.Kept> suppressMarketing(String subjectId, String pseudonym, OffsetDateTime now) {
        List<ConsentState> marketing = states.forSubject(subjectId).stream()
                .filter(s -> catalog.find(s.purposeId).map(PurposeCatalog.Entry::directMarketing).orElse(false))
                .toList();
        Optional<OffsetDateTime> objectedAt = marketing.stream()
                .filter(s -> s.status == ConsentStatus.OBJECTED || s.status == ConsentStatus.WITHDRAWN)
                .map(s -> s.decidedAt).max(java.util.Comparator.naturalOrder());
        MarketingSuppression listed = suppressions.findById(pseudonym);
        if (objectedAt.isEmpty()) {
            OffsetDateTime listedObjection = listed == null ? null : listed.objectedAt;
            boolean consentedSince = listed != null && marketing.stream()
                    .anyMatch(s -> s.status == ConsentStatus.GRANTED && s.decidedAt.isAfter(listedObjection));
            if (consentedSince) {
                suppressions.delete(listed);
                return Optional.empty();
            }
        } else {
            boolean created = listed == null;
            if (created) {
                listed = new MarketingSuppression();
                listed.pseudonym = pseudonym;
            }
            if (created || objectedAt.get().isAfter(listed.objectedAt)) {
                listed.objectedAt = objectedAt.get();
                listed.listedAt = now;
                listed.keepUntil = listed.objectedAt.atZoneSameInstant(AgeOfConsent.ZONE).toLocalDate()
                        .plus(config.suppression().keepFor());
            }
            if (created) {
                suppressions.persist(listed);
            }
        }
        return Optional.ofNullable(listed).map(l -> new ErasureCompleted.Kept("marketing-suppression", 1,
                "Art. 21(3) GDPR: the subject objected to direct marketing; their pseudonym alone is kept so that "
                        + "they are not marketed to again",
                l.keepUntil));
    }

    /** Deletes the suppression-list rows whose keep-until day is over; returns how many. */
    public long dropLapsedSuppressions() {
        return suppressions.deleteLapsed(now().atZoneSameInstant(AgeOfConsent.ZONE).toLocalDate());
    }

    /**
     * The evidence of an erased subject fell due (retention rule audit-evidence): the consent proof kept under
     * their pseudonym is deleted. Records still under a subject id are never touched. Returns how many went.
     */
    public long destroyProof(String pseudonym) {
        return records.deletePseudonymised(pseudonym);
    }

    private Recorded change(PurposeCatalog.Entry purpose, String subjectId, ConsentStatus target, String noticeVersion,
            String source, Actor actor, String reason) {
        return change(purpose, subjectId, target, noticeVersion, source, actor, reason, null, null, null, false);
    }

    Recorded change(PurposeCatalog.Entry purpose, String subjectId, ConsentStatus target, String noticeVersion,
            String source, Actor actor, String reason, Integer privacyNoticeVersion, OffsetDateTime keptExpiry) {
        return change(purpose, subjectId, target, noticeVersion, source, actor, reason, privacyNoticeVersion, keptExpiry,
                null, false);
    }

    /**
     * Records the decision unless it repeats the current one. {@code keptExpiry}: where a grant is taken over from
     * elsewhere (a device's), it lapses when the original would have, not a full validity from now.
     * {@code parentalConsentHolder}: a grant a holder of parental responsibility gave; a grant repeated without one
     * keeps the holder of the grant in force, one with another holder is a new decision. {@code renew}: record it even
     * if it repeats the decision in force (that one never counted).
     */
    private Recorded change(PurposeCatalog.Entry purpose, String subjectId, ConsentStatus target, String noticeVersion,
            String source, Actor actor, String reason, Integer privacyNoticeVersion, OffsetDateTime keptExpiry,
            String parentalConsentHolder, boolean renew) {
        OffsetDateTime now = now();
        Optional<ConsentState> existing = states.lockFor(subjectId, purpose.id());
        ConsentStatus before = existing.map(s -> s.status).orElse(null);
        boolean lapsed = existing.map(s -> s.expiresAt != null && !s.expiresAt.isAfter(now)).orElse(false);
        boolean sameDecision = existing.isPresent() && before == target && existing.get().noticeVersion.equals(noticeVersion)
                && !(target == ConsentStatus.GRANTED && lapsed)
                && (parentalConsentHolder == null || parentalConsentHolder.equals(existing.get().parentalConsentHolder))
                && !renew;
        // a legitimate interest nobody objected to is already "granted": nothing to record, unless the subject is on the
        // marketing suppression list (Art. 21(3)), which only a choice of theirs on the purpose lifts
        boolean nothingToLift = existing.isEmpty() && target == ConsentStatus.GRANTED
                && purpose.legalBasis() == LegalBasis.LEGITIMATE_INTEREST
                && !(purpose.directMarketing() && suppressed(subjectId));
        if (sameDecision || nothingToLift) {
            return new Recorded(existing.orElseGet(() -> notObjected(subjectId, purpose)), false);
        }
        boolean wasInForce = purpose.legalBasis() == LegalBasis.LEGITIMATE_INTEREST
                ? before == null || before == ConsentStatus.GRANTED
                : before == ConsentStatus.GRANTED && !lapsed;
        ConsentState state = existing.orElseGet(() -> {
            ConsentState created = new ConsentState();
            created.subjectId = subjectId;
            created.purposeId = purpose.id();
            return created;
        });
        apply(purpose, state, target, noticeVersion, privacyNoticeVersion, source, actor, reason, now, wasInForce, keptExpiry,
                parentalConsentHolder);
        if (existing.isEmpty()) {
            states.persist(state);
        }
        return new Recorded(state, true);
    }

    /** Writes the new state, its history record and, where the permission changes, its event. */
    private void apply(PurposeCatalog.Entry purpose, ConsentState state, ConsentStatus target, String noticeVersion,
            Integer privacyNoticeVersion, String source, Actor actor, String reason, OffsetDateTime now, boolean wasInForce,
            OffsetDateTime keptExpiry, String parentalConsentHolder) {
        state.status = target;
        state.noticeVersion = noticeVersion;
        state.source = source;
        state.decidedAt = now;
        state.expiresAt = target != ConsentStatus.GRANTED ? null
                : keptExpiry != null ? keptExpiry : purpose.validity() != null ? now.plus(purpose.validity()) : null;
        state.parentalConsentHolder = target == ConsentStatus.GRANTED ? parentalConsentHolder : null;

        ConsentRecord record = new ConsentRecord();
        record.subjectId = state.subjectId;
        record.purposeId = purpose.id();
        record.status = target;
        record.noticeVersion = noticeVersion;
        record.privacyNoticeVersion = privacyNoticeVersion;
        record.source = source;
        record.actorType = actor.type();
        record.actor = actor.id();
        record.reason = reason;
        record.parentalConsentHolder = state.parentalConsentHolder;
        record.recordedAt = now;
        records.append(record);

        if (target == ConsentStatus.GRANTED) {
            outbox.record(EventType.CONSENT_GRANTED, state.subjectId, new ConsentGranted(state.subjectId, purpose.id(),
                    purpose.legalBasis().name(), noticeVersion, source, actor.type().name(), actor.systemId(), now,
                    state.expiresAt, privacyNoticeVersion, state.parentalConsentHolder != null));
        } else if (wasInForce) {
            outbox.record(EventType.CONSENT_WITHDRAWN, state.subjectId, new ConsentWithdrawn(state.subjectId,
                    purpose.id(), purpose.legalBasis().name(), noticeVersion, source, actor.type().name(), actor.systemId(),
                    reason, purpose.directMarketing(), now));
        }
        subjectChanged.fire(new SubjectChanged(state.subjectId));
    }

    private static ConsentState notObjected(String subjectId, PurposeCatalog.Entry purpose) {
        ConsentState state = new ConsentState();
        state.subjectId = subjectId;
        state.purposeId = purpose.id();
        state.status = ConsentStatus.GRANTED;
        state.noticeVersion = purpose.currentNoticeVersion();
        return state;
    }

    /** Serialises every change to one subject's (or device's) consents across threads and instances. */
    void lockSubject(String subjectId) {
        AdvisoryLocks.lock(entityManager, "consent:" + subjectId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
