package org.privacyplatform.audit;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed tree head: a C2SP signed note over origin, tree size and root hash. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String origin;

    @Column(name = "tree_size", nullable = false, updatable = false)
    public long treeSize;

    @Column(name = "root_hash", nullable = false, updatable = false)
    public byte[] rootHash;

    @Column(name = "key_id", nullable = false, updatable = false)
    public String keyId;

    @Column(nullable = false, updatable = false)
    public String signature;

    @Column(nullable = false, updatable = false)
    public String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
