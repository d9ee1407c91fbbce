package org.privacyplatform.rights;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What one recipient answered for one request; PENDING until it answers. */
@Entity
@Table(name = "recipient_outcome")
@IdClass(RecipientOutcome.Key.class)
public class RecipientOutcome extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String PARTIAL = "PARTIAL";
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    @Column(name = "recipient_id")
    public String recipientId;

    @Column(nullable = false)
    public String status;

    /** JSON list of what was erased or applied. */
    public String erased;

    /** JSON list of what was kept, each with its ground and until when. */
    public String kept;

    public String note;

    /** A business system holding the subject's data (named by the retention service), which answers for itself. */
    @Column(name = "holder_system")
    public String holderSystem;

    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;

    public static class Key implements Serializable {
        public UUID requestId;
        public String recipientId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(recipientId, k.recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, recipientId);
        }
    }
}
