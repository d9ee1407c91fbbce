package org.privacyplatform.commons.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform, named in the past tense, with the topic it is published on.
 * The {@code ce_type} header carries {@link #ceType()}.
 */
public enum EventType {

    // consent-service
    CONSENT_GRANTED("ConsentGranted", Topics.CONSENT),
    CONSENT_WITHDRAWN("ConsentWithdrawn", Topics.CONSENT),
    PURPOSE_PUBLISHED("PurposePublished", Topics.CONSENT),
    CATALOGUE_CHANGED("CatalogueChanged", Topics.CONSENT),
    NOTICE_PUBLISHED("NoticePublished", Topics.CONSENT),

    // rights-request-service
    ERASURE_REQUESTED("ErasureRequested", Topics.RIGHTS),
    PROCESSING_RESTRICTED("ProcessingRestricted", Topics.RIGHTS),
    RESTRICTION_LIFTED("RestrictionLifted", Topics.RIGHTS),
    OBJECTION_RECORDED("ObjectionRecorded", Topics.RIGHTS),
    REQUEST_RECEIVED("RequestReceived", Topics.RIGHTS),
    IDENTITY_VERIFIED("IdentityVerified", Topics.RIGHTS),
    REQUEST_EXTENDED("RequestExtended", Topics.RIGHTS),
    REQUEST_REJECTED("RequestRejected", Topics.RIGHTS),
    REQUEST_COMPLETED("RequestCompleted", Topics.RIGHTS),
    RECTIFICATION_REQUESTED("RectificationRequested", Topics.RIGHTS),
    RECIPIENT_OUTCOME_REPORTED("RecipientOutcomeReported", Topics.RIGHTS),
    RECIPIENTS_CHANGED("RecipientsChanged", Topics.RIGHTS),
    DEATH_RECORDED("DeathRecorded", Topics.RIGHTS),

    // retention-service
    RETENTION_EXPIRED("RetentionExpired", Topics.RETENTION),
    RETENTION_RULE_CHANGED("RetentionRuleChanged", Topics.RETENTION),
    LEGAL_HOLD_PLACED("LegalHoldPlaced", Topics.RETENTION),
    LEGAL_HOLD_LIFTED("LegalHoldLifted", Topics.RETENTION),
    HOLDERS_NAMED("HoldersNamed", Topics.RETENTION),

    // audit-service: leaves it appends to its own log, never published on Kafka (no topic: every consumer refuses
    // them from any topic)
    EVIDENCE_SHREDDED("EvidenceShredded", null),
    LOG_TEXT_ENCRYPTED("LogTextEncrypted", null),

    // every service that erased, on its own topic (the rights-request service only asks)
    ERASURE_COMPLETED("ErasureCompleted", null, Topics.CONSENT, Topics.RETENTION);

    private final String ceType;
    private final String topic;
    private final java.util.Set<String> topics;

    EventType(String ceType, String topic, String... otherTopics) {
        this.ceType = ceType;
        this.topic = topic;
        this.topics = topic != null ? java.util.Set.of(topic) : java.util.Set.of(otherTopics);
    }

    public String ceType() {
        return ceType;
    }

    /**
     * The topic of this type, or empty where the emitting service decides ({@code ErasureCompleted} is reported
     * by each service that erased, on that service's own topic) or where the type is never published at all
     * (the audit service's own leaves, {@code EvidenceShredded} and {@code LogTextEncrypted}: see {@link #onKafka()}).
     */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** Whether events of this type travel on Kafka at all: the audit service's own leaves never do. */
    public boolean onKafka() {
        return !topics.isEmpty();
    }

    /** Whether events of this type may appear on {@code topic}: its owner emits them there. */
    public boolean belongsTo(String topic) {
        return topics.contains(topic);
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
