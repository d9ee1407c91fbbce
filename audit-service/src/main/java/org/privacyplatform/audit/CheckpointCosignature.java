package org.privacyplatform.audit;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A witness's cosignature of a checkpoint (C2SP tlog-cosignature, cosignature/v1, Ed25519). */
@Entity
@Table(name = "checkpoint_cosignature")
public class CheckpointCosignature extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "checkpoint_id", nullable = false, updatable = false)
    public long checkpointId;

    /** The witness's key name. */
    @Column(nullable = false, updatable = false)
    public String witness;

    @Column(name = "key_id", nullable = false, updatable = false)
    public String keyId;

    /** The signed timestamp, POSIX seconds. */
    @Column(name = "cosigned_at", nullable = false, updatable = false)
    public long cosignedAt;

    /** The 64-byte Ed25519 signature, base64. */
    @Column(nullable = false, updatable = false)
    public String signature;

    /** The note signature line, without its newline. */
    @Column(nullable = false, updatable = false)
    public String line;

    @Column(name = "received_at", nullable = false, updatable = false)
    public OffsetDateTime receivedAt;
}
