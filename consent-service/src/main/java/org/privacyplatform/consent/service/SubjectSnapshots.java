package org.privacyplatform.consent.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.SubjectMinor;
import org.privacyplatform.consent.SubjectRestriction;
import org.privacyplatform.consent.config.ConsentConfig;
import org.privacyplatform.consent.repository.ConsentStateRepository;
import org.privacyplatform.consent.repository.MinorRepository;
import org.privacyplatform.consent.repository.RestrictionRepository;
import org.privacyplatform.consent.repository.SuppressionRepository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Each subject's consents and restriction, in memory for the decision API. An entry is dropped after every
 * committed change to that subject (a write here, an event from the rights-request service, or another
 * instance's change announced through {@code DecisionCacheInvalidation}) and reloaded on the next question. Caffeine makes an invalidation wait for a load in flight, so a load that read the
 * state before a commit never outlives that commit's invalidation.
 */
@ApplicationScoped
public class SubjectSnapshots {

    /**
     * What the decision API knows of a subject: immutable, safe to share between threads.
     *
     * @param restrictedAt when the subject's processing was restricted (Art. 18); null when it is not
     * @param minor set when the subject is known to be (or to have been) under the age of digital consent
     * @param suppressed the subject's pseudonym is on the marketing suppression list (they objected, then were erased)
     */
    public record Snapshot(Map<String, StateView> states, OffsetDateTime restrictedAt, Minor minor, boolean suppressed) {
        public boolean restricted() {
            return restrictedAt != null;
        }
    }

    /** A subject stated under the age of digital consent: the day they reach it, or null when no date was given. */
    public record Minor(LocalDate consentAgeOn) {
        static Minor of(SubjectMinor minor) {
            return minor == null ? null : new Minor(minor.consentAgeOn);
        }
    }

    /** A subject's standing on one purpose; {@code parental}: a grant a holder of parental responsibility gave. */
    public record StateView(ConsentStatus status, String noticeVersion, OffsetDateTime decidedAt,
            OffsetDateTime expiresAt, boolean parental) {
        static StateView of(ConsentState state) {
            return new StateView(state.status, state.noticeVersion, state.decidedAt, state.expiresAt,
                    state.parentalConsentHolder != null);
        }
    }

    private final ConsentStateRepository states;
    private final RestrictionRepository restrictions;
    private final MinorRepository minors;
    private final SuppressionRepository suppressions;
    private final Pseudonyms pseudonyms;
    private final Cache<String, Snapshot> cache;
    /** Counts invalidations, so that a bulk read keeps its snapshots only if none happened meanwhile. */
    private final AtomicLong invalidations = new AtomicLong();
    /** Invalidations share it; keeping a bulk read's snapshots takes it alone. */
    private final ReadWriteLock keeping = new ReentrantReadWriteLock();

    public SubjectSnapshots(ConsentStateRepository states, RestrictionRepository restrictions, MinorRepository minors,
            SuppressionRepository suppressions, Pseudonyms pseudonyms, ConsentConfig config) {
        this.states = states;
        this.suppressions = suppressions;
        this.pseudonyms = pseudonyms;
        this.restrictions = restrictions;
        this.minors = minors;
        this.cache = Caffeine.newBuilder().maximumSize(config.decisionCacheSize())
                .expireAfterWrite(config.decisionCacheMaxAge()).build();
    }

    public Snapshot of(String subjectId) {
        return cache.get(subjectId, this::load);
    }

    /** The subject's snapshot if it is in memory, without reading the database; null otherwise. */
    public Snapshot inMemory(String subjectId) {
        return cache.getIfPresent(subjectId);
    }

    /**
     * The snapshots of many subjects: those in memory from memory, the others read in one transaction of four
     * queries. Caffeine's bulk load would not make an invalidation wait for it, so what was read is kept only if
     * no invalidation happened since before the read (checked and stored under the lock invalidations share):
     * a snapshot read before a commit never outlives that commit's invalidation.
     */
    public Map<String, Snapshot> ofAll(Collection<String> subjectIds) {
        Map<String, Snapshot> found = new HashMap<>(cache.getAllPresent(subjectIds));
        Set<String> missing = new HashSet<>(subjectIds);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            long before = invalidations.get();
            Map<String, Snapshot> read = QuarkusTransaction.requiringNew().call(() -> {
                List<String> ids = List.copyOf(missing);
                Map<String, Map<String, StateView>> states = new HashMap<>();
                for (ConsentState state : statesOf(ids)) {
                    states.computeIfAbsent(state.subjectId, s -> new HashMap<>()).put(state.purposeId, StateView.of(state));
                }
                Map<String, OffsetDateTime> restricted = new HashMap<>();
                restrictions.getEntityManager()
                        .createQuery("select r from SubjectRestriction r where r.subjectId in ?1", SubjectRestriction.class)
                        .setParameter(1, ids).getResultList().forEach(r -> restricted.put(r.subjectId, r.restrictedAt));
                Map<String, Minor> minor = new HashMap<>();
                minors.forSubjects(ids).forEach(m -> minor.put(m.subjectId, Minor.of(m)));
                Map<String, String> byPseudonym = new HashMap<>();
                ids.forEach(id -> byPseudonym.put(pseudonyms.of(id), id));
                Set<String> suppressed = new HashSet<>();
                suppressions.listed(byPseudonym.keySet()).forEach(p -> suppressed.add(byPseudonym.get(p)));
                Map<String, Snapshot> loaded = new HashMap<>();
                for (String id : ids) {
                    loaded.put(id, new Snapshot(Map.copyOf(states.getOrDefault(id, Map.of())), restricted.get(id),
                            minor.get(id), suppressed.contains(id)));
                }
                return loaded;
            });
            found.putAll(read);
            keeping.writeLock().lock();
            try {
                if (invalidations.get() == before) {
                    cache.putAll(read);
                }
            } finally {
                keeping.writeLock().unlock();
            }
        }
        return found;
    }

    private List<ConsentState> statesOf(List<String> subjectIds) {
        return states.list("subjectId in ?1", subjectIds);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubjectChanged changed) {
        invalidate(changed.subjectId());
    }

    /** Drops the subject's snapshot: the next question reloads it from the database. */
    public void invalidate(String subjectId) {
        keeping.readLock().lock();
        try {
            invalidations.incrementAndGet();
            cache.invalidate(subjectId);
        } finally {
            keeping.readLock().unlock();
        }
    }

    /** Drops every snapshot (after announcements of other instances' changes may have been missed). */
    public void invalidateAll() {
        keeping.readLock().lock();
        try {
            invalidations.incrementAndGet();
            cache.invalidateAll();
        } finally {
            keeping.readLock().unlock();
        }
    }

    private Snapshot load(String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, StateView> bySubject = states.forSubject(subjectId).stream()
                    .collect(Collectors.toUnmodifiableMap(s -> s.purposeId, StateView::of));
            SubjectRestriction restriction = restrictions.findById(subjectId);
            return new Snapshot(bySubject, restriction == null ? null : restriction.restrictedAt,
                    Minor.of(minors.findById(subjectId)), suppressions.findById(pseudonyms.of(subjectId)) != null);
        });
    }
}
