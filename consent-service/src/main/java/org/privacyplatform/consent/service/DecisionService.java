package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.service.Decision.Reason;
import org.privacyplatform.consent.service.SubjectSnapshots.Snapshot;
import org.privacyplatform.consent.service.SubjectSnapshots.StateView;

import jakarta.enterprise.context.ApplicationScoped;

/** The hot path: answers from memory (catalogue and subject snapshots), at the time of the question. */
@ApplicationScoped
public class DecisionService {

    private final PurposeCatalog catalog;
    private final SubjectSnapshots snapshots;
    private final Clock clock;

    public DecisionService(PurposeCatalog catalog, SubjectSnapshots snapshots, Clock clock) {
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public Decision decide(String subjectId, String purposeId) {
        return decide(purpose(purposeId), snapshots.of(subjectId));
    }

    /**
     * The same decision as {@link #decide(String, String)} when the catalogue and the subject's snapshot are both in
     * memory, without touching the database (so it may run on an I/O thread); empty when either must be read first.
     */
    public Optional<Decision> decideFromMemory(String subjectId, String purposeId) {
        Map<String, PurposeCatalog.Entry> purposes = catalog.inMemory();
        Snapshot snapshot = snapshots.inMemory(subjectId);
        if (purposes == null || snapshot == null) {
            return Optional.empty();
        }
        PurposeCatalog.Entry purpose = purposes.get(purposeId);
        if (purpose == null) {
            throw unknownPurpose(purposeId);
        }
        return Optional.of(decide(purpose, snapshot));
    }

    /**
     * The decisions for many subjects on one purpose, in the order asked (a subject asked twice is answered
     * twice): subjects in memory are answered from it, the others read together in one query.
     */
    public List<Decision> decideAll(List<String> subjectIds, String purposeId) {
        PurposeCatalog.Entry purpose = purpose(purposeId);
        Map<String, Snapshot> bySubject = snapshots.ofAll(subjectIds);
        List<Decision> decisions = new ArrayList<>(subjectIds.size());
        for (String subjectId : subjectIds) {
            decisions.add(decide(purpose, bySubject.get(subjectId)));
        }
        return decisions;
    }

    private PurposeCatalog.Entry purpose(String purposeId) {
        return catalog.find(purposeId).orElseThrow(() -> unknownPurpose(purposeId));
    }

    private static ProblemException unknownPurpose(String purposeId) {
        return ProblemException.notFound("no purpose '" + purposeId + "'");
    }

    private Decision decide(PurposeCatalog.Entry purpose, Snapshot snapshot) {
        StateView state = snapshot.states().get(purpose.id());
        if (state == null && snapshot.suppressed() && purpose.directMarketing()) {
            return refused(purpose, Reason.SUPPRESSED_AFTER_ERASURE, "the subject objected to direct marketing before "
                    + "their data was erased and is on the suppression list (Art. 21(3) GDPR): only a new choice of "
                    + "theirs on this purpose lifts it", null);
        }
        if (snapshot.restricted()) {
            // Art. 18(2): besides storage, processing the subject consents to (after the restriction) goes on
            if (purpose.legalBasis() == LegalBasis.CONSENT && state != null && state.status() == ConsentStatus.GRANTED
                    && state.decidedAt() != null && state.decidedAt().isAfter(snapshot.restrictedAt())) {
                Decision consented = consent(purpose, state, snapshot.minor());
                if (consented.allowed()) {
                    return new Decision(true, purpose.legalBasis(), Reason.CONSENT_AFTER_RESTRICTION,
                            "processing of this subject's data is restricted (Art. 18 GDPR), but they consented to this "
                                    + "purpose after the restriction (Art. 18(2))",
                            false, state.noticeVersion(), state.expiresAt());
                }
            }
            // Art. 18(2): and processing for the establishment, exercise or defence of legal claims (purposes the DPO
            // marks so), on the purpose's own basis: an objection or a missing ground still refuses it
            if (purpose.legalClaims()) {
                Decision onItsBasis = unrestricted(purpose, state, snapshot.minor());
                if (onItsBasis.allowed()) {
                    return new Decision(true, purpose.legalBasis(), Reason.LEGAL_CLAIMS_DURING_RESTRICTION,
                            "processing of this subject's data is restricted (Art. 18 GDPR), but this purpose serves the "
                                    + "establishment, exercise or defence of legal claims (Art. 18(2)); "
                                    + onItsBasis.detail(),
                            false, onItsBasis.noticeVersion(), onItsBasis.expiresAt());
                }
            }
            return new Decision(false, purpose.legalBasis(), Reason.RESTRICTED,
                    "processing of this subject's data is restricted (Art. 18 GDPR): storage only until lifted", true,
                    state == null ? null : state.noticeVersion(), null);
        }
        return unrestricted(purpose, state, snapshot.minor());
    }

    /** The decision on the purpose's own legal basis, as if the subject were not restricted. */
    private Decision unrestricted(PurposeCatalog.Entry purpose, StateView state, SubjectSnapshots.Minor minor) {
        return switch (purpose.legalBasis()) {
            case CONTRACT -> allowed(purpose, Reason.CONTRACT, "necessary for the performance of the contract");
            case LEGAL_OBLIGATION -> allowed(purpose, Reason.LEGAL_OBLIGATION, "required by a legal obligation");
            case LEGITIMATE_INTEREST -> legitimateInterest(purpose, state);
            case CONSENT -> consent(purpose, state, minor);
        };
    }

    private Decision legitimateInterest(PurposeCatalog.Entry purpose, StateView state) {
        if (state != null && state.status() == ConsentStatus.OBJECTED) {
            return purpose.directMarketing()
                    ? refused(purpose, Reason.OBJECTED_DIRECT_MARKETING, "the subject objected to direct marketing "
                            + "(Art. 21(3) GDPR): absolute", state)
                    : refused(purpose, Reason.OBJECTED, "the subject objected (Art. 21 GDPR)", state);
        }
        return allowed(purpose, Reason.LEGITIMATE_INTEREST, "legitimate interest; the subject has not objected");
    }

    /**
     * A consent purpose. For a subject known to be under the age of digital consent (15), only a grant a holder of
     * parental responsibility gave counts; a grant they gave alone while under it never does, even after they reach it
     * (it was never valid): they are asked again.
     */
    private Decision consent(PurposeCatalog.Entry purpose, StateView state, SubjectSnapshots.Minor minor) {
        Decision decision = consent(purpose, state);
        if (minor == null || (state != null && state.parental())) {
            return decision;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean underAge = AgeOfConsent.under(minor.consentAgeOn(), now);
        boolean grantedUnderAge = decision.allowed() && (underAge
                || state.decidedAt().isBefore(AgeOfConsent.reachedAt(minor.consentAgeOn())));
        if (grantedUnderAge) {
            String law = " (Art. 8 GDPR, art. 45 loi Informatique et Libertés)";
            return refused(purpose, Reason.MINOR_WITHOUT_PARENTAL_CONSENT, underAge
                    ? "the subject is under " + AgeOfConsent.YEARS + " and this consent was given without a holder of "
                            + "parental responsibility" + law + ": a holder must give or authorise it"
                    : "the subject was under " + AgeOfConsent.YEARS + " when they gave this consent without a holder of "
                            + "parental responsibility" + law + ": it never counted; ask them again", state);
        }
        if (underAge && decision.reason() == Reason.NO_CONSENT) {
            return refused(purpose, Reason.MINOR_WITHOUT_PARENTAL_CONSENT, "the subject is under " + AgeOfConsent.YEARS
                    + " and no holder of parental responsibility has given or authorised consent (Art. 8 GDPR, art. 45 "
                    + "loi Informatique et Libertés)", null);
        }
        return decision;
    }

    private Decision consent(PurposeCatalog.Entry purpose, StateView state) {
        if (state == null) {
            return refused(purpose, Reason.NO_CONSENT, "the subject has not given consent", null);
        }
        return switch (state.status()) {
            case WITHDRAWN, OBJECTED -> refused(purpose, Reason.CONSENT_WITHDRAWN, "the subject withdrew consent", state);
            case EXPIRED -> refused(purpose, Reason.CONSENT_EXPIRED, "the consent lapsed and must be asked again", state);
            case GRANTED -> {
                if (state.expiresAt() != null && !state.expiresAt().isAfter(OffsetDateTime.now(clock))) {
                    yield refused(purpose, Reason.CONSENT_EXPIRED, "the consent lapsed and must be asked again", state);
                }
                if (!purpose.noticeStillCounts(state.noticeVersion())) {
                    yield refused(purpose, Reason.NOTICE_OUTDATED, "consent was given on notice version "
                            + state.noticeVersion() + "; notice " + purpose.currentNoticeVersion()
                            + " requires fresh consent", state);
                }
                yield new Decision(true, purpose.legalBasis(), Reason.CONSENT_GIVEN, "the subject gave consent", false,
                        state.noticeVersion(), state.expiresAt());
            }
        };
    }

    private static Decision allowed(PurposeCatalog.Entry purpose, Reason reason, String detail) {
        return new Decision(true, purpose.legalBasis(), reason, detail, false, null, null);
    }

    private static Decision refused(PurposeCatalog.Entry purpose, Reason reason, String detail, StateView state) {
        return new Decision(false, purpose.legalBasis(), reason, detail, false,
                state == null ? null : state.noticeVersion(), state == null ? null : state.expiresAt());
    }
}
