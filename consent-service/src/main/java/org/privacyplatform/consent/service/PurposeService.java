package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.PurposePublished;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.Purpose;
import org.privacyplatform.consent.PurposeNotice;
import org.privacyplatform.consent.repository.PurposeRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** The DPO's catalogue of purposes and their notices. */
@ApplicationScoped
@Transactional
public class PurposeService {

    /** What the DPO publishes: the purpose and the notice version subjects will see. */
    public record PublishPurpose(String purposeId, String name, String description, LegalBasis legalBasis,
            boolean directMarketing, boolean deviceEligible, String validity, String noticeVersion, String noticeText,
            boolean requiresFreshConsent, boolean legalClaims) {
    }

    /** The outcome: the purpose now, whether it was created, and whether anything changed. */
    public record Published(Purpose purpose, List<PurposeNotice> notices, boolean created, boolean changed) {
    }

    private final PurposeRepository purposes;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<PurposesChanged> purposesChanged;
    private final Event<NoticeInputsChanged> noticeInputsChanged;

    public PurposeService(PurposeRepository purposes, Outbox outbox, Clock clock, Event<PurposesChanged> purposesChanged,
            Event<NoticeInputsChanged> noticeInputsChanged) {
        this.purposes = purposes;
        this.outbox = outbox;
        this.clock = clock;
        this.purposesChanged = purposesChanged;
        this.noticeInputsChanged = noticeInputsChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Purpose> list(org.privacyplatform.commons.paging.PageRequest page) {
        return purposes.page(page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Purpose get(String purposeId) {
        return purposes.findByIdOptional(purposeId)
                .orElseThrow(() -> ProblemException.notFound("no purpose '" + purposeId + "'"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PurposeNotice> notices(String purposeId) {
        return purposes.notices(purposeId);
    }

    public Published publish(PublishPurpose command) {
        validate(command);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Purpose purpose = purposes.findById(command.purposeId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = purpose == null;
        if (created) {
            purpose = new Purpose();
            purpose.id = command.purposeId();
        }
        boolean changed = created || !Objects.equals(purpose.name, command.name())
                || !Objects.equals(purpose.description, command.description()) || purpose.legalBasis != command.legalBasis()
                || purpose.directMarketing != command.directMarketing()
                || purpose.deviceEligible != command.deviceEligible() || purpose.legalClaims != command.legalClaims()
                || !Objects.equals(purpose.validity, command.validity());

        PurposeNotice notice = purposes.notice(command.purposeId(), command.noticeVersion()).orElse(null);
        boolean newNotice = notice == null;
        if (notice != null && (!notice.text.equals(command.noticeText())
                || notice.requiresFreshConsent != command.requiresFreshConsent())) {
            throw ProblemException.conflict("notice version '" + command.noticeVersion() + "' of purpose '"
                    + command.purposeId() + "' is already published with other terms; publish a new version");
        }
        if (newNotice) {
            List<PurposeNotice> existing = purposes.notices(command.purposeId());
            notice = new PurposeNotice();
            notice.purposeId = command.purposeId();
            notice.version = command.noticeVersion();
            notice.seq = existing.stream().mapToInt(n -> n.seq).max().orElse(0) + 1;
            notice.text = command.noticeText();
            notice.requiresFreshConsent = command.requiresFreshConsent();
            notice.publishedAt = now;
        }
        if (!changed && !newNotice && command.noticeVersion().equals(purpose.currentNoticeVersion)) {
            return new Published(purpose, purposes.notices(purpose.id), false, false);
        }
        purpose.name = command.name();
        purpose.description = command.description();
        purpose.legalBasis = command.legalBasis();
        purpose.directMarketing = command.directMarketing();
        purpose.deviceEligible = command.deviceEligible();
        purpose.legalClaims = command.legalClaims();
        purpose.validity = command.validity();
        purpose.currentNoticeVersion = command.noticeVersion();
        purpose.updatedAt = now;
        if (created) {
            purposes.persist(purpose);
        }
        if (newNotice) {
            purposes.persistNotice(notice);
        }
        outbox.recordWithoutSubject(EventType.PURPOSE_PUBLISHED, "purpose:" + purpose.id,
                new PurposePublished(purpose.id, purpose.legalBasis.name(), purpose.directMarketing, purpose.validity,
                        notice.version, notice.requiresFreshConsent, purpose.legalClaims, now));
        purposesChanged.fire(new PurposesChanged(purpose.id));
        purposes.flush();
        // the privacy notice shows every purpose, its legal basis and notice version
        noticeInputsChanged.fire(new NoticeInputsChanged("purpose " + purpose.id));
        return new Published(purpose, purposes.notices(purpose.id), created, true);
    }

    private static void validate(PublishPurpose command) {
        if (command.validity() != null) {
            if (command.legalBasis() != LegalBasis.CONSENT) {
                throw ProblemException.badRequest("validity", "only a consent purpose can have a validity");
            }
            try {
                Period period = Period.parse(command.validity());
                if (period.isNegative() || period.isZero()) {
                    throw ProblemException.badRequest("validity", "validity must be a positive ISO-8601 period");
                }
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("validity",
                        "validity must be an ISO-8601 period such as P13M, not '" + command.validity() + "'");
            }
        }
        if (command.deviceEligible() && command.legalBasis() != LegalBasis.CONSENT) {
            throw ProblemException.badRequest("deviceEligible", "only a consent purpose can be decided on a device before login");
        }
        if (command.legalClaims() && (command.legalBasis() == LegalBasis.CONSENT || command.directMarketing())) {
            throw ProblemException.badRequest("legalClaims", "a purpose serving legal claims (Art. 18(2)) rests on a contract, "
                    + "a legal obligation or a legitimate interest, and is not direct marketing");
        }
        if (command.requiresFreshConsent() && command.legalBasis() != LegalBasis.CONSENT) {
            throw ProblemException.badRequest("notice.requiresFreshConsent", "only a consent purpose can require fresh consent");
        }
    }
}
