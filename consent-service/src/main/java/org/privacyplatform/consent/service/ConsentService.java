package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.events.ConsentGranted;
import org.privacyplatform.commons.events.ConsentWithdrawn;
import org.privacyplatform.commons.events.ErasureCompleted;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.commons.security.ActorType;
import org.privacyplatform.consent.ConsentRecord;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.SubjectRestriction;
import org.privacyplatform.consent.repository.ConsentRecordRepository;
import org.privacyplatform.consent.repository.ConsentStateRepository;
import org.privacyplatform.consent.repository.DeviceLinkRepository;
import org.privacyplatform.consent.repository.NoticeRepository;
import org.privacyplatform.consent.repository.RestrictionRepository;

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

    /** A decision to record. {@code source}: web, mobile, api, import (or the service's own sources). */
    public record RecordDecision(String subjectId, String purposeId, boolean granted, String noticeVersion,
            String source, Actor actor, Integer privacyNoticeVersion) {

        public RecordDecision(String subjectId, String purposeId, boolean granted, String noticeVersion, String source,
                Actor actor) {
            this(subjectId, purposeId, granted, noticeVersion, source, actor, null);
        }
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

    public ConsentService(PurposeCatalog catalog, ConsentStateRepository states, ConsentRecordRepository records,
            RestrictionRepository restrictions, Outbox outbox, Pseudonyms pseudonyms, Clock clock,
            EntityManager entityManager, Event<SubjectChanged> subjectChanged, NoticeRepository notices,
            DeviceLinkRepository deviceLinks) {
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
        lockSubject(decision.subjectId());
        ConsentStatus target = targetOf(purpose, decision.granted());
        return change(purpose, decision.subjectId(), target, decision.noticeVersion(), decision.source(), decision.actor(),
                reasonOf(target), decision.privacyNoticeVersion(), null);
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
                    ConsentWithdrawn.EXPIRED, now, true, null);
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
     * Art. 17: removes the subject's consent state and restriction; keeps the history, the proof of consent
     * (Art. 7(1)) and of defence against claims (Art. 17(3)(e)), under a pseudonym. Reports what it did.
     */
    public ErasureCompleted erase(String subjectId, String requestId) {
        lockSubject(subjectId);
        OffsetDateTime now = now();
        long statesErased = states.deleteForSubject(subjectId);
        long restrictionsErased = restrictions.deleteById(subjectId) ? 1 : 0;
        // the devices the subject joined are no longer theirs; each device keeps its own choices, under its reference
        long linksErased = deviceLinks.deleteForSubject(subjectId);
        long kept = records.pseudonymise(subjectId, pseudonyms.of(subjectId), now);
        ErasureCompleted completed = new ErasureCompleted(requestId, subjectId, SYSTEM_NAME,
                List.of(new ErasureCompleted.Erased("consent-state", statesErased),
                        new ErasureCompleted.Erased("processing-restriction", restrictionsErased),
                        new ErasureCompleted.Erased("device-link", linksErased)),
                kept == 0 ? List.of()
                        : List.of(new ErasureCompleted.Kept("consent-history", kept,
                                "Art. 7(1) and 17(3)(e) GDPR: proof of consent and defence of legal claims; "
                                        + "kept under a pseudonym, without the subject id",
                                null)));
        outbox.record(Topics.CONSENT, EventType.ERASURE_COMPLETED, subjectId, completed);
        subjectChanged.fire(new SubjectChanged(subjectId));
        return completed;
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
        return change(purpose, subjectId, target, noticeVersion, source, actor, reason, null, null);
    }

    /**
     * Records the decision unless it repeats the current one. {@code keptExpiry}: where a grant is taken over from
     * elsewhere (a device's), it lapses when the original would have, not a full validity from now.
     */
    Recorded change(PurposeCatalog.Entry purpose, String subjectId, ConsentStatus target, String noticeVersion,
            String source, Actor actor, String reason, Integer privacyNoticeVersion, OffsetDateTime keptExpiry) {
        OffsetDateTime now = now();
        Optional<ConsentState> existing = states.lockFor(subjectId, purpose.id());
        ConsentStatus before = existing.map(s -> s.status).orElse(null);
        boolean lapsed = existing.map(s -> s.expiresAt != null && !s.expiresAt.isAfter(now)).orElse(false);
        boolean sameDecision = existing.isPresent() && before == target && existing.get().noticeVersion.equals(noticeVersion)
                && !(target == ConsentStatus.GRANTED && lapsed);
        // a legitimate interest nobody objected to is already "granted": nothing to record
        boolean nothingToLift = existing.isEmpty() && target == ConsentStatus.GRANTED
                && purpose.legalBasis() == LegalBasis.LEGITIMATE_INTEREST;
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
        apply(purpose, state, target, noticeVersion, privacyNoticeVersion, source, actor, reason, now, wasInForce, keptExpiry);
        if (existing.isEmpty()) {
            states.persist(state);
        }
        return new Recorded(state, true);
    }

    /** Writes the new state, its history record and, where the permission changes, its event. */
    private void apply(PurposeCatalog.Entry purpose, ConsentState state, ConsentStatus target, String noticeVersion,
            Integer privacyNoticeVersion, String source, Actor actor, String reason, OffsetDateTime now, boolean wasInForce,
            OffsetDateTime keptExpiry) {
        state.status = target;
        state.noticeVersion = noticeVersion;
        state.source = source;
        state.decidedAt = now;
        state.expiresAt = target != ConsentStatus.GRANTED ? null
                : keptExpiry != null ? keptExpiry : purpose.validity() != null ? now.plus(purpose.validity()) : null;

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
        record.recordedAt = now;
        records.persist(record);

        if (target == ConsentStatus.GRANTED) {
            outbox.record(EventType.CONSENT_GRANTED, state.subjectId, new ConsentGranted(state.subjectId, purpose.id(),
                    purpose.legalBasis().name(), noticeVersion, source, actor.type().name(), actor.systemId(), now,
                    state.expiresAt, privacyNoticeVersion));
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
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "consent:" + subjectId)
                .getSingleResult();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
