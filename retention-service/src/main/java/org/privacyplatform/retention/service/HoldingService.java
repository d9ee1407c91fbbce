package org.privacyplatform.retention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.privacyplatform.commons.events.ErasureCompleted;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.HoldersNamed;
import org.privacyplatform.commons.events.RetentionExpired;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.time.ParisDay;
import org.privacyplatform.retention.Holding;
import org.privacyplatform.retention.HoldingStatus;
import org.privacyplatform.retention.LegalHold;
import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.repository.HoldingRepository;
import org.privacyplatform.retention.repository.LegalHoldRepository;
import org.privacyplatform.retention.repository.RuleRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Holdings: registration, the schedule, expiry, and what consent withdrawal and erasure do to them. */
@ApplicationScoped
@Transactional
public class HoldingService {

    public static final String SYSTEM_NAME = "retention-service";
    /** The rule, category and holding that keep an erased subject's evidence (issue 13). */
    public static final String AUDIT_EVIDENCE = "audit-evidence";
    /** The system that holds the evidence and destroys it when the holding falls due. */
    public static final String EVIDENCE_SYSTEM = "audit-service";
    /** One evidence holding per subject: a later erasure moves its anchor. */
    public static final String EVIDENCE_REFERENCE = "erasure-evidence";

    /**
     * What a platform service registers. {@code lastContactOn} is the last incoming contact it knows of: null keeps
     * what was recorded (the registration day for a new holding).
     */
    public record RegisterHolding(String subjectId, String category, String system, String reference,
            LocalDate anchorDate, LocalDate lastContactOn) {

        public RegisterHolding(String subjectId, String category, String system, String reference, LocalDate anchorDate) {
            this(subjectId, category, system, reference, anchorDate, null);
        }
    }

    /** How many held items a legal hold's lift restarts per flush. */
    private static final int RESTART_BATCH = 1000;

    public record Registered(ScheduledHolding scheduled, boolean created) {
    }

    /** A holding with the rule it falls under and the legal holds that keep it. */
    /** @param restricted the subject's processing is restricted (Art. 18): the holding does not expire meanwhile */
    public record ScheduledHolding(Holding holding, RetentionRule rule, List<LegalHold> legalHolds, boolean restricted) {
    }

    private final HoldingRepository holdings;
    private final RuleRepository rules;
    private final LegalHoldRepository legalHolds;
    private final RetentionClock retentionClock;
    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public HoldingService(HoldingRepository holdings, RuleRepository rules, LegalHoldRepository legalHolds,
            RetentionClock retentionClock, Outbox outbox, Pseudonyms pseudonyms, Clock clock) {
        this.pseudonyms = pseudonyms;
        this.holdings = holdings;
        this.rules = rules;
        this.legalHolds = legalHolds;
        this.retentionClock = retentionClock;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers a holding, or moves the anchor of one already registered (a new incoming contact moves the
     * expiry of a prospect's data, a contract end starts the clock of training data).
     */
    public Registered register(RegisterHolding command) {
        RetentionRule rule = rules.byCategory(command.category()).orElseThrow(() -> ProblemException.badRequest("category",
                "no retention rule for category '" + command.category() + "'"));
        if (command.anchorDate() != null && command.anchorDate().isAfter(today())) {
            throw ProblemException.badRequest("anchorDate", "the anchor date " + command.anchorDate()
                    + " is in the future (today in Paris is " + today() + ")");
        }
        if (command.lastContactOn() != null && command.lastContactOn().isAfter(today())) {
            throw ProblemException.badRequest("lastContactOn",
                    "the last contact " + command.lastContactOn()
                    + " is in the future (today in Paris is " + today() + ")");
        }
        if (command.anchorDate() == null && !rule.anchor.mayBeInTheFuture()) {
            throw ProblemException.badRequest("anchorDate",
                    "category '" + rule.category + "' counts from " + rule.anchor + ": the anchor date is required");
        }
        OffsetDateTime now = now();
        Holding holding = holdings.lockExisting(command.subjectId(), command.category(), command.system(), command.reference())
                .orElse(null);
        boolean created = holding == null;
        if (created) {
            holding = new Holding();
            holding.id = UUID.randomUUID();
            holding.subjectId = command.subjectId();
            holding.category = command.category();
            holding.system = command.system();
            holding.reference = command.reference();
            holding.registeredAt = now;
            holding.lastContactOn = today();
        }
        if (command.lastContactOn() != null) {
            holding.lastContactOn = command.lastContactOn();
        }
        holding.anchorDate = command.anchorDate();
        holding.status = HoldingStatus.HELD;
        holding.expiredAt = null;
        schedule(holding, rule, now);
        if (created) {
            holdings.persist(holding);
        }
        Holding registered = holding;
        return new Registered(new ScheduledHolding(holding, rule,
                legalHolds.activeFor(command.subjectId()).stream().filter(l -> l.appliesTo(registered)).toList(),
                holdings.restricted(command.subjectId())), created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledHolding> schedule(String subjectId, PageRequest page) {
        Map<String, RetentionRule> byId = new LinkedHashMap<>();
        rules.listOrdered().forEach(r -> byId.put(r.id, r));
        List<LegalHold> holds = legalHolds.activeFor(subjectId);
        boolean restricted = holdings.restricted(subjectId);
        return holdings.forSubject(subjectId, page).stream()
                .map(h -> new ScheduledHolding(h, byId.get(h.ruleId), holds.stream().filter(l -> l.appliesTo(h)).toList(),
                        restricted))
                .toList();
    }

    /** What is still kept of a subject: the holdings and the key they are kept under. */
    public record Retained(ScheduledHolding scheduled, boolean underPseudonym) {
    }

    /**
     * For the DPO and auditors: what the platform still keeps of a subject, looked up by the id a claimant presents.
     * Once their erasure completed everything is kept under their pseudonym; what is still held under the id in clear
     * (an erasure not completed, or data registered since) is listed too.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Retained> retained(String subjectId, PageRequest page) {
        String pseudonym = pseudonyms.of(subjectId);
        Map<String, RetentionRule> byId = new LinkedHashMap<>();
        rules.listOrdered().forEach(r -> byId.put(r.id, r));
        List<LegalHold> holds = new ArrayList<>(legalHolds.activeFor(subjectId));
        holds.addAll(legalHolds.activeFor(pseudonym));
        // a restriction ends with the erasure: what is kept under the pseudonym is never restricted
        boolean restricted = holdings.restricted(subjectId);
        return holdings.heldFor(List.of(subjectId, pseudonym), page).stream()
                .map(h -> new Retained(new ScheduledHolding(h, byId.get(h.ruleId),
                        holds.stream().filter(l -> l.appliesTo(h)).distinct().toList(),
                        restricted && !pseudonym.equals(h.subjectId)),
                        pseudonym.equals(h.subjectId)))
                .toList();
    }

    /** One transaction of the sweep: expires up to {@code limit} due holdings, one RetentionExpired each. */
    public int expireDue(int limit) {
        OffsetDateTime now = now();
        List<HoldingRepository.Expired> expired = holdings.expireDue(today(), now, limit);
        outbox.recordAll(EventType.RETENTION_EXPIRED, expired.stream()
                .map(h -> new Outbox.SubjectEvent(h.subjectId(), new RetentionExpired(h.id().toString(), h.subjectId(),
                        h.category(), h.system(), h.reference(), h.ruleId(), h.ruleVersion(), h.anchorDate(), h.dueOn(),
                        now)))
                .toList());
        return expired.size();
    }

    /** The subject withdrew a consent: what is kept only on that consent falls due now. */
    public int consentWithdrawn(String subjectId, String purposeId, LocalDate withdrawnOn) {
        List<String> categories = rules.forConsentPurpose(purposeId).stream().map(r -> r.category).toList();
        if (categories.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = now();
        List<Holding> affected = holdings.lockHeldInCategories(subjectId, categories);
        for (Holding holding : affected) {
            if (holding.dueOn == null || holding.dueOn.isAfter(withdrawnOn)) {
                holding.dueOn = withdrawnOn;
                holding.archiveFrom = null;
                holding.updatedAt = now;
            }
        }
        return affected.size();
    }

    /**
     * Art. 18: the subject's processing is restricted: none of their holdings expires until the restriction is lifted
     * (the data must be kept; what fell due meanwhile expires at the first sweep after).
     */
    public void restrict(String subjectId, String requestId, OffsetDateTime restrictedAt) {
        holdings.restrict(subjectId, requestId, restrictedAt);
    }

    /** Art. 18(3): the restriction is lifted; returns whether one stood. */
    public boolean liftRestriction(String subjectId) {
        return holdings.liftRestriction(subjectId);
    }

    /**
     * Art. 17: erases what no statutory period or legal hold protects, and reports what it erased and what it
     * keeps, with the ground and the date until which it is kept, and which business systems hold the erased data
     * ({@code holders}: the rights-request service then waits for each of them too).
     */
    public ErasureCompleted erase(String subjectId, String requestId) {
        OffsetDateTime now = now();
        Map<String, RetentionRule> byId = new LinkedHashMap<>();
        rules.listOrdered().forEach(r -> byId.put(r.id, r));
        List<LegalHold> holds = legalHolds.activeFor(subjectId);
        Map<String, Long> erased = new LinkedHashMap<>();
        Map<List<Object>, Long> kept = new LinkedHashMap<>();
        java.util.SortedSet<String> holders = new java.util.TreeSet<>();
        for (Holding holding : holdings.lockHeldForSubject(subjectId)) {
            RetentionRule rule = byId.get(holding.ruleId);
            LegalHold hold = holds.stream().filter(l -> l.appliesTo(holding)).findFirst().orElse(null);
            if (hold != null) {
                kept.merge(java.util.Arrays.asList(holding.category, "legal hold " + hold.id,
                        null), 1L, Long::sum);
            } else if (rule.statutory) {
                kept.merge(java.util.Arrays.asList(holding.category, rule.ground + " (rule " + rule.id + " v" + rule.version
                        + ")", holding.dueOn), 1L, Long::sum);
            } else {
                holding.status = HoldingStatus.ERASED;
                holding.updatedAt = now;
                erased.merge(holding.category, 1L, Long::sum);
                // the register is erased here; the data itself is in the system that registered it (Art. 17, 19)
                holders.add(holding.system);
            }
        }
        List<ErasureCompleted.Kept> keptList = new ArrayList<>();
        kept.forEach((key, count) -> keptList.add(new ErasureCompleted.Kept((String) key.get(0), count, (String) key.get(1),
                (LocalDate) key.get(2))));
        ErasureCompleted completed = new ErasureCompleted(requestId, subjectId, SYSTEM_NAME,
                erased.entrySet().stream().map(e -> new ErasureCompleted.Erased(e.getKey(), e.getValue())).toList(),
                keptList, List.copyOf(holders));
        outbox.record(Topics.RETENTION, EventType.ERASURE_COMPLETED, subjectId, completed);
        return completed;
    }

    /**
     * Art. 16, 19: a rectification must reach every business system that holds the subject's data. This register does
     * not hold the data itself; it names the systems that registered a holding of the subject still held (statutory
     * ones included: kept data must be accurate too) in {@code HoldersNamed}, and the rights-request service asks each
     * of them to correct it and answer.
     */
    public HoldersNamed nameHolders(String subjectId, String requestId) {
        HoldersNamed named = new HoldersNamed(requestId, subjectId, SYSTEM_NAME, holdings.systemsHolding(subjectId), now());
        outbox.record(Topics.RETENTION, EventType.HOLDERS_NAMED, subjectId, named);
        return named;
    }

    /**
     * The subject's erasure completed (the rights-request service's {@code RequestCompleted}): from now on this
     * service knows them only by their pseudonym. Every holding of theirs (what statutory periods or legal holds
     * keep, and the rows of what was erased or expired) and every legal hold naming them is keyed by the pseudonym,
     * with every occurrence of their id in those rows' references and free text replaced by it; and the evidence of how their rights were handled
     * is held under the pseudonym by rule {@code audit-evidence}, counted from the day the erasure completed (a
     * later erasure moves that day). Returns the pseudonym.
     */
    public String erasureCompleted(String subjectId, LocalDate completedOn) {
        String pseudonym = pseudonyms.of(subjectId);
        OffsetDateTime now = now();
        // what is kept now is kept by its own ground (a statutory period, a legal hold), under the pseudonym
        holdings.liftRestriction(subjectId);
        holdings.rekey(subjectId, pseudonym, now);
        legalHolds.rekey(subjectId, pseudonym);
        holdings.getEntityManager().clear();
        LocalDate anchor = completedOn.isAfter(today()) ? today() : completedOn;
        register(new RegisterHolding(pseudonym, AUDIT_EVIDENCE, EVIDENCE_SYSTEM, EVIDENCE_REFERENCE, anchor));
        return pseudonym;
    }

    /**
     * The proceedings a legal hold stood for ended on {@code endedOn}: every held item the hold kept whose rule restarts
     * after a hold now falls due no earlier than its limitation period counted from that day. Batched, so that a
     * category hold over many holdings never loads them all at once. Returns how many were restarted.
     */
    public int proceedingsEnded(LegalHold hold, LocalDate endedOn) {
        Map<String, RetentionRule> restarting = new LinkedHashMap<>();
        rules.restartingAfterHold().forEach(r -> restarting.put(r.category, r));
        if (restarting.isEmpty() || (hold.category != null && !restarting.containsKey(hold.category))) {
            return 0;
        }
        OffsetDateTime now = now();
        int restarted = 0;
        UUID after = null;
        List<Holding> batch;
        do {
            batch = holdings.heldUnder(hold.subjectId, hold.category, List.copyOf(restarting.keySet()), after, RESTART_BATCH);
            for (Holding holding : batch) {
                if (holding.proceedingsEndedOn == null || endedOn.isAfter(holding.proceedingsEndedOn)) {
                    holding.proceedingsEndedOn = endedOn;
                }
                schedule(holding, restarting.get(holding.category), now);
                after = holding.id;
            }
            restarted += batch.size();
            holdings.flush();
            holdings.getEntityManager().clear();
        } while (batch.size() == RESTART_BATCH);
        return restarted;
    }

    private void schedule(Holding holding, RetentionRule rule, OffsetDateTime now) {
        RetentionClock.Dates dates = retentionClock.datesFor(rule, holding.anchorDate, holding.lastContactOn,
                holding.proceedingsEndedOn);
        holding.archiveFrom = dates.archiveFrom();
        holding.dueOn = dates.dueOn();
        holding.ruleId = rule.id;
        holding.ruleVersion = rule.version;
        holding.updatedAt = now;
        Objects.requireNonNull(holding.status);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in Paris: the day of the dates a person gives and reads. */
    private LocalDate today() {
        return ParisDay.today(clock);
    }
}
