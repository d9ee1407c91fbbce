package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Art. 18: while this row exists, the subject's data may only be stored. */
@Entity
@Table(name = "subject_restriction")
public class SubjectRestriction extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "restricted_at", nullable = false)
    public OffsetDateTime restrictedAt;
}
