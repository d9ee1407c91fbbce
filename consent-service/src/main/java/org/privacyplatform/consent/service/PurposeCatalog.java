package org.privacyplatform.consent.service;

import java.time.Period;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.Purpose;
import org.privacyplatform.consent.PurposeNotice;
import org.privacyplatform.consent.repository.PurposeRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The purpose catalogue, held in memory for the decision API and reloaded whole after every change (it is
 * small: tens of purposes).
 */
@ApplicationScoped
public class PurposeCatalog {

    /** A purpose as the decision API needs it. */
    public record Entry(String id, String name, String description, LegalBasis legalBasis, boolean directMarketing,
            Period validity, String currentNoticeVersion, List<PurposeNotice> notices, int freshConsentFromSeq,
            boolean deviceEligible, boolean legalClaims) {

        public Optional<PurposeNotice> notice(String version) {
            return notices.stream().filter(n -> n.version.equals(version)).findFirst();
        }

        /** Whether a grant made on this notice version still counts: none since requires fresh consent. */
        public boolean noticeStillCounts(String version) {
            // on every allowed consent decision: a loop, not a stream
            for (PurposeNotice n : notices) {
                if (n.version.equals(version)) {
                    return n.seq >= freshConsentFromSeq;
                }
            }
            return false;
        }
    }

    private final PurposeRepository purposes;
    private volatile Map<String, Entry> entries;
    /** Bumped by every change, so that a load that raced with a change is not kept. */
    private long generation;

    public PurposeCatalog(PurposeRepository purposes) {
        this.purposes = purposes;
    }

    public Optional<Entry> find(String purposeId) {
        return Optional.ofNullable(entries().get(purposeId));
    }

    /** The catalogue by purpose id if it is in memory, without reading the database; null when it must be read. */
    public Map<String, Entry> inMemory() {
        return entries;
    }

    public Collection<Entry> all() {
        return entries().values();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PurposesChanged changed) {
        invalidate();
    }

    /** Drops the catalogue: the next question reloads it from the database. */
    public synchronized void invalidate() {
        generation++;
        entries = null;
    }

    private Map<String, Entry> entries() {
        Map<String, Entry> current = entries;
        if (current == null) {
            long before;
            synchronized (this) {
                before = generation;
            }
            current = QuarkusTransaction.joiningExisting().call(this::load);
            synchronized (this) {
                if (generation == before) {
                    entries = current;
                }
            }
        }
        return current;
    }

    private Map<String, Entry> load() {
        Map<String, List<PurposeNotice>> notices = purposes.allNotices().stream()
                .collect(Collectors.groupingBy(n -> n.purposeId));
        Map<String, Entry> loaded = new LinkedHashMap<>();
        for (Purpose p : purposes.listOrdered()) {
            List<PurposeNotice> ofPurpose = notices.getOrDefault(p.id, List.of());
            int freshFrom = ofPurpose.stream().filter(n -> n.requiresFreshConsent).mapToInt(n -> n.seq).max().orElse(0);
            loaded.put(p.id, new Entry(p.id, p.name, p.description, p.legalBasis, p.directMarketing,
                    p.validity == null ? null : Period.parse(p.validity), p.currentNoticeVersion, List.copyOf(ofPurpose),
                    freshFrom, p.deviceEligible, p.legalClaims));
        }
        return Collections.unmodifiableMap(loaded);
    }
}
