package org.privacyplatform.retention.service;

import java.time.Clock;
import java.time.LocalDate;
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
import org.privacyplatform.commons.time.ParisDay;
import org.privacyplatform.retention.LegalHold;
import org.privacyplatform.retention.repository.LegalHoldRepository;
import org.privacyplatform.retention.repository.RuleRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Legal holds: litigation suspends expiry of a subject's data, or of a whole category. When a hold ends (the DPO lifts
 * it, or the day the DPO set for it comes), the limitation period of the data it kept restarts from the end of the
 * proceedings where its rule says so.
 */
@ApplicationScoped
@Transactional
public class LegalHoldService {

    /**
     * {@code endsOn}: the last day the hold stands (an appeal period: the last day to appeal), a day in Paris; it lifts
     * itself from the next day. Null until the DPO lifts it.
     */
    public record PlaceHold(String subjectId, String category, String caseReference, String reason, LocalDate endsOn) {
    }

    private final LegalHoldRepository holds;
    private final RuleRepository rules;
    private final HoldingService holdings;
    private final Outbox outbox;
    private final Clock clock;

    public LegalHoldService(LegalHoldRepository holds, RuleRepository rules, HoldingService holdings, Outbox outbox,
            Clock clock) {
        this.holds = holds;
        this.rules = rules;
        this.holdings = holdings;
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
        if (command.endsOn() != null && command.endsOn().isBefore(today())) {
            throw ProblemException.badRequest("endsOn", "the hold's end " + command.endsOn()
                    + " is in the past: a hold ends today (in Paris, " + today() + ") at the earliest");
        }
        LegalHold hold = new LegalHold();
        hold.id = UUID.randomUUID();
        hold.subjectId = command.subjectId();
        hold.category = command.category();
        hold.caseReference = command.caseReference();
        hold.reason = command.reason();
        hold.endsOn = command.endsOn();
        hold.placedAt = now();
        holds.persist(hold);
        outbox.record(EventType.LEGAL_HOLD_PLACED.topic().orElseThrow(), EventType.LEGAL_HOLD_PLACED.ceType(), key(hold),
                hold.subjectId, new LegalHoldPlaced(hold.id.toString(), hold.subjectId, hold.category, hold.placedAt,
                        hold.endsOn));
        return hold;
    }

    /** The DPO lifts a hold: the proceedings ended today (or on the end date set for it, if that came first). */
    public LegalHold lift(UUID holdId) {
        LegalHold hold = holds.findByIdOptional(holdId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("no legal hold " + holdId));
        if (hold.liftedAt != null) {
            throw ProblemException.conflict("legal hold " + holdId + " was already lifted at " + hold.liftedAt);
        }
        LocalDate today = today();
        end(hold, hold.endsOn != null && hold.endsOn.isBefore(today) ? hold.endsOn : today);
        return hold;
    }

    /**
     * One transaction of the sweep: lifts up to {@code limit} holds whose end date is over (from 00:00 Paris the next
     * day: an appeal can be lodged until the end of its last day), each counted as ended on its end date however late
     * the sweep runs. Holds another sweep is lifting are skipped. Returns how many it lifted.
     */
    public int liftEnded(int limit) {
        List<UUID> ended = holds.lockEnded(today(), limit).stream().map(h -> h.id).toList();
        for (UUID id : ended) {
            LegalHold hold = holds.findById(id); // managed again: each lift clears the persistence context
            end(hold, hold.endsOn);
        }
        return ended.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LegalHold> list(boolean activeOnly, PageRequest page) {
        return holds.listAll(activeOnly, page);
    }

    private void end(LegalHold hold, LocalDate endedOn) {
        hold.liftedAt = now();
        hold.endsOn = endedOn;
        outbox.record(EventType.LEGAL_HOLD_LIFTED.topic().orElseThrow(), EventType.LEGAL_HOLD_LIFTED.ceType(), key(hold),
                hold.subjectId, new LegalHoldLifted(hold.id.toString(), hold.subjectId, hold.category, hold.liftedAt,
                        endedOn));
        holds.flush();
        // last: it flushes and clears the persistence context batch by batch
        holdings.proceedingsEnded(hold, endedOn);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in Paris: the day a hold's end date is read in. */
    private LocalDate today() {
        return ParisDay.today(clock);
    }

    /** Events about a subject's hold are keyed by the subject; a category hold by its category. */
    private static String key(LegalHold hold) {
        return hold.subjectId != null ? hold.subjectId : "category:" + hold.category;
    }
}
