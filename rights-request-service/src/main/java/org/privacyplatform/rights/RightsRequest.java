package org.privacyplatform.rights;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A data-subject request, on the Art. 12(3) clock. */
@Entity
@Table(name = "rights_request")
public class RightsRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** What the subject asked, as JSON. */
    @Column(nullable = false)
    public String details;

    @Column(name = "filed_by", nullable = false, updatable = false)
    public String filedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "extended_at")
    public OffsetDateTime extendedAt;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "identity_verified_at")
    public OffsetDateTime identityVerifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_ground")
    public RejectionGround rejectionGround;

    @Column(name = "rejection_detail")
    public String rejectionDetail;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "subject_informed_at")
    public OffsetDateTime subjectInformedAt;

    @Column(name = "export_copies", nullable = false)
    public int exportCopies;

    @Version
    public int version;
}
