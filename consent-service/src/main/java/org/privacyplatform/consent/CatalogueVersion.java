package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One state of the DPO's catalogue, as JSON exactly as hashed. Written once, never changed (database trigger). */
@Entity
@Table(name = "catalogue_version")
public class CatalogueVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(nullable = false, updatable = false)
    public String document;

    @Column(nullable = false, updatable = false)
    public String hash;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt;
}
