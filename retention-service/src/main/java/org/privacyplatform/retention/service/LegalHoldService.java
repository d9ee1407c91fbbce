package org.privacyplatform.retention.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.LegalHoldLifted;
import org.privacyplatform.commons.events.LegalHoldPlaced;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.retention.LegalHold;
import org.privacyplatform.retention.repository.LegalHoldRepository;
import org.privacyplatform.retention.repository.RuleRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Legal holds: litigation suspends expiry of a subject's data, or of a whole category. */
@ApplicationScoped
@Transactional
public class LegalHoldService {

    public record PlaceHold(String subjectId, String category, String caseReference, String reason) {
    }

    private final LegalHoldRepository holds;
    private final RuleRepository rules;
    private final Outbox outbox;
    private final Clock clock;

    public LegalHoldService(LegalHoldRepository holds, RuleRepository rules, Outbox outbox, Clock clock) {
        this.holds = holds;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    public LegalHold place(PlaceHold command) {
        if (command.subjectId() == null && command.category() == null) {
            throw ProblemException.badRequest("subjectId", "a legal hold names a subject, a category, or both");
        }
        if (command.category() != null && rules.byCategory(command.category()).isEmpty()) {
            throw ProblemException.badRequest("category", "no retention rule for category '" + command.category() + "'");
        }
        LegalHold hold = new LegalHold();
        hold.id = UUID.randomUUID();
        hold.subjectId = command.subjectId();
        hold.category = command.category();
        hold.caseReference = command.caseReference();
        hold.reason = command.reason();
        hold.placedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        holds.persist(hold);
        outbox.record(EventType.LEGAL_HOLD_PLACED.topic().orElseThrow(), EventType.LEGAL_HOLD_PLACED.ceType(), key(hold),
                hold.subjectId, new LegalHoldPlaced(hold.id.toString(), hold.subjectId, hold.category, hold.placedAt));
        return hold;
    }

    public LegalHold lift(UUID holdId) {
        LegalHold hold = holds.findByIdOptional(holdId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("no legal hold " + holdId));
        if (hold.liftedAt != null) {
            throw ProblemException.conflict("legal hold " + holdId + " was already lifted at " + hold.liftedAt);
        }
        hold.liftedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        outbox.record(EventType.LEGAL_HOLD_LIFTED.topic().orElseThrow(), EventType.LEGAL_HOLD_LIFTED.ceType(), key(hold),
                hold.subjectId, new LegalHoldLifted(hold.id.toString(), hold.subjectId, hold.category, hold.liftedAt));
        return hold;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LegalHold> list(boolean activeOnly, PageRequest page) {
        return holds.listAll(activeOnly, page);
    }

    /** Events about a subject's hold are keyed by the subject; a category hold by its category. */
    private static String key(LegalHold hold) {
        return hold.subjectId != null ? hold.subjectId : "category:" + hold.category;
    }
}
