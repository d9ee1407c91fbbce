package org.privacyplatform.retention.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.RetentionRuleChanged;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;
import org.privacyplatform.retention.Holding;
import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.RetentionRuleVersion;
import org.privacyplatform.retention.repository.HoldingRepository;
import org.privacyplatform.retention.repository.RuleRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The DPO's retention rules: versioned, each change an event, and held data rescheduled at once. */
@ApplicationScoped
@Transactional
public class RuleService {

    /**
     * A rule as the DPO writes it. {@code backstop} null on a rule whose anchor may never come means the default
     * ({@link #DEFAULT_BACKSTOP}); {@code limitationPeriod} null on a rule that restarts after a legal hold means
     * {@link #DEFAULT_LIMITATION_PERIOD}.
     */
    public record RuleChange(String ruleId, String category, String description, Anchor anchor, String period,
            EndAction endAction, String archivePeriod, String consentPurpose, boolean statutory, String ground,
            String backstop, boolean restartAfterHold, String limitationPeriod) {

        /** The change with its defaults filled in: what the rule will say. */
        RuleChange withDefaults() {
            return new RuleChange(ruleId, category, description, anchor, period, endAction, archivePeriod, consentPurpose,
                    statutory, ground, backstop == null && anchor.mayBeInTheFuture() ? DEFAULT_BACKSTOP : backstop,
                    restartAfterHold, limitationPeriod == null && restartAfterHold ? DEFAULT_LIMITATION_PERIOD
                            : limitationPeriod);
        }
    }

    /** Three years without contact: the CNIL's guidance for prospects, applied to every anchor that may never come. */
    public static final String DEFAULT_BACKSTOP = "P3Y";
    /** The civil and commercial limitation period (French Civil Code, art. 2224; commercial code, art. L110-4). */
    public static final String DEFAULT_LIMITATION_PERIOD = "P5Y";

    public record Changed(RetentionRule rule, boolean created, boolean changed) {
    }

    private static final int RESCHEDULE_BATCH = 1000;

    private final RuleRepository rules;
    private final HoldingRepository holdings;
    private final RetentionClock retentionClock;
    private final Outbox outbox;
    private final Clock clock;

    public RuleService(RuleRepository rules, HoldingRepository holdings, RetentionClock retentionClock, Outbox outbox,
            Clock clock) {
        this.rules = rules;
        this.holdings = holdings;
        this.retentionClock = retentionClock;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionRule> list(org.privacyplatform.commons.paging.PageRequest page) {
        return rules.page(page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RetentionRule get(String ruleId) {
        return rules.findByIdOptional(ruleId).orElseThrow(() -> ProblemException.notFound("no retention rule '" + ruleId + "'"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionRuleVersion> versions(String ruleId, org.privacyplatform.commons.paging.PageRequest page) {
        get(ruleId);
        return rules.versions(ruleId, page);
    }

    public Changed change(RuleChange requested) {
        validate(requested);
        RuleChange change = requested.withDefaults();
        RetentionRule rule = rules.findById(change.ruleId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = rule == null;
        if (created) {
            if (rules.byCategory(change.category()).isPresent()) {
                throw ProblemException.conflict("category '" + change.category() + "' already has a rule");
            }
            rule = new RetentionRule();
            rule.id = change.ruleId();
            rule.version = 0;
        } else if (!rule.category.equals(change.category())) {
            throw ProblemException.conflict("rule '" + rule.id + "' governs category '" + rule.category
                    + "'; holdings refer to it, so it cannot move to another category");
        } else if (sameAs(rule, change)) {
            return new Changed(rule, false, false);
        }
        rule.category = change.category();
        rule.description = change.description();
        rule.anchor = change.anchor();
        rule.period = change.period();
        rule.endAction = change.endAction();
        rule.archivePeriod = change.archivePeriod();
        rule.consentPurpose = change.consentPurpose();
        rule.statutory = change.statutory();
        rule.ground = change.ground();
        rule.backstop = change.backstop();
        rule.restartAfterHold = change.restartAfterHold();
        rule.limitationPeriod = change.limitationPeriod();
        rule.version += 1;
        rule.changedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (created) {
            rules.persist(rule);
        }
        rules.persistVersion(RetentionRuleVersion.of(rule));
        reschedule(rule);
        outbox.recordWithoutSubject(EventType.RETENTION_RULE_CHANGED, "rule:" + rule.id,
                new RetentionRuleChanged(rule.id, rule.version, rule.category, rule.anchor.name(), rule.period,
                        rule.endAction.name(), rule.archivePeriod, rule.consentPurpose, rule.statutory, rule.backstop,
                        rule.restartAfterHold, rule.limitationPeriod, rule.changedAt));
        return new Changed(rule, created, true);
    }

    /** Every held item of the category now falls due under the new version of its rule. */
    private void reschedule(RetentionRule rule) {
        OffsetDateTime now = rule.changedAt;
        for (int offset = 0;; offset += RESCHEDULE_BATCH) {
            List<Holding> batch = holdings.heldInCategory(rule.category, offset, RESCHEDULE_BATCH);
            for (Holding holding : batch) {
                RetentionClock.Dates dates = retentionClock.datesFor(rule, holding.anchorDate, holding.lastContactOn,
                        holding.proceedingsEndedOn);
                holding.archiveFrom = dates.archiveFrom();
                holding.dueOn = dates.dueOn();
                holding.ruleId = rule.id;
                holding.ruleVersion = rule.version;
                holding.updatedAt = now;
            }
            holdings.flush();
            holdings.getEntityManager().clear();
            if (batch.size() < RESCHEDULE_BATCH) {
                return;
            }
        }
    }

    private static boolean sameAs(RetentionRule rule, RuleChange change) {
        return Objects.equals(rule.description, change.description()) && rule.anchor == change.anchor()
                && Objects.equals(rule.period, change.period()) && rule.endAction == change.endAction()
                && Objects.equals(rule.archivePeriod, change.archivePeriod())
                && Objects.equals(rule.consentPurpose, change.consentPurpose()) && rule.statutory == change.statutory()
                && Objects.equals(rule.ground, change.ground()) && Objects.equals(rule.backstop, change.backstop())
                && rule.restartAfterHold == change.restartAfterHold()
                && Objects.equals(rule.limitationPeriod, change.limitationPeriod());
    }

    private static void validate(RuleChange change) {
        requirePeriod("period", change.period());
        if (change.endAction() == EndAction.ARCHIVE) {
            if (change.archivePeriod() == null) {
                throw ProblemException.badRequest("archivePeriod", "an ARCHIVE rule needs the archive period, e.g. P5Y");
            }
            requirePeriod("archivePeriod", change.archivePeriod());
        } else if (change.archivePeriod() != null) {
            throw ProblemException.badRequest("archivePeriod", "only an ARCHIVE rule has an archive period");
        }
        if (change.backstop() != null) {
            if (!change.anchor().mayBeInTheFuture()) {
                throw ProblemException.badRequest("backstop", "only a rule whose anchor may never come (CONTRACT_END, "
                        + "CASE_CLOSED, UNSUBSCRIBE, END_OF_PROCEEDINGS) has a backstop; " + change.anchor()
                        + " is always known when data is registered");
            }
            requirePeriod("backstop", change.backstop());
        }
        if (change.limitationPeriod() != null) {
            if (!change.restartAfterHold()) {
                throw ProblemException.badRequest("limitationPeriod",
                        "only a rule that restarts after a legal hold (restartAfterHold) has a limitation period");
            }
            requirePeriod("limitationPeriod", change.limitationPeriod());
        }
    }

    private static void requirePeriod(String field, String value) {
        try {
            if (Period.parse(value).isNegative()) {
                throw ProblemException.badRequest(field, field + " must not be negative");
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, field + " must be an ISO-8601 period such as P3Y or P13M, not '"
                    + value + "'");
        }
    }
}
