package org.privacyplatform.rights;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A system or recipient that must hear of rectifications, erasures and restrictions (Art. 19). */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** A service of this platform: it answers over Kafka and holds none of the business data a rectification corrects. */
    public static final String PLATFORM_SERVICE = "PLATFORM_SERVICE";

    /** PLATFORM_SERVICE, INTERNAL_DEPARTMENT, PROCESSOR, THIRD_PARTY. */
    @Column(nullable = false)
    public String kind;

    /** Comma-separated request types: ERASURE, RECTIFICATION, RESTRICTION. */
    @Column(name = "applies_to", nullable = false)
    public String appliesTo;

    /** KAFKA (platform services answer with ErasureCompleted) or REST (POST /requests/{id}/outcomes). */
    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public boolean active;

    /**
     * The calling system (its OIDC client id) that speaks for a REST recipient: the only one whose
     * {@code POST /requests/{id}/outcomes} is accepted for it. Null for KAFKA recipients, which answer as themselves.
     */
    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean appliesTo(RequestType type) {
        return java.util.Arrays.asList(appliesTo.split(",")).contains(type.name());
    }
}
