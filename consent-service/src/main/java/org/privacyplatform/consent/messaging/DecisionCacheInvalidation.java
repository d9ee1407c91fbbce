package org.privacyplatform.consent.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.consent.service.PurposeCatalog;
import org.privacyplatform.consent.service.SubjectSnapshots;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * With several instances, a change committed by one must reach the others' in-memory decisions. Every
 * instance reads {@code consent.events} in a consumer group of its own (from the latest offset: a new
 * instance starts with empty caches) and drops the snapshot of each subject an event names, or the catalogue
 * when a purpose is published. Events are relayed after their commit, so the reload sees the change.
 */
@ApplicationScoped
public class DecisionCacheInvalidation {

    public static final String CHANNEL = "decision-cache";

    private final SubjectSnapshots snapshots;
    private final PurposeCatalog catalog;

    public DecisionCacheInvalidation(SubjectSnapshots snapshots, PurposeCatalog catalog) {
        this.snapshots = snapshots;
        this.catalog = catalog;
    }

    @Incoming(CHANNEL)
    public void onEvent(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if ("PurposePublished".equals(type)) {
            catalog.invalidate();
        }
        String subject = header(record, "ce_subject");
        if (subject != null) {
            snapshots.invalidate(subject);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
