package org.privacyplatform.rights;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject's death as the DPO recorded it, once, and the version of their post-mortem instructions it applied. */
@Entity
@Table(name = "recorded_death")
public class RecordedDeath extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "died_on", nullable = false)
    public LocalDate diedOn;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String actor;

    /** The instructions applied; null when none were in force (never registered, or revoked). */
    @Column(name = "applied_version")
    public Integer appliedVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "applied_choice")
    public PostMortemInstructions.Choice appliedChoice;
}
