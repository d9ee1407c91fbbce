package org.privacyplatform.rights;

import java.time.OffsetDateTime;

import org.privacyplatform.commons.security.ActorType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of a subject's post-mortem instructions (art. 85 loi Informatique et Libertés): registered, replaced
 * (a new version) or revoked (a version of kind REVOKED). Append-only, enforced by the database.
 */
@Entity
@Table(name = "post_mortem_instructions")
public class PostMortemInstructions extends PanacheEntityBase {

    /** General instructions concern all the subject's data; specific ones a processing or data named in {@code scope}. */
    public enum Kind {
        GENERAL, SPECIFIC, REVOKED
    }

    /** What is to happen to the data after the subject's death. */
    public enum Choice {
        ERASE, KEEP, PASS_TO_DESIGNATED_PERSON
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Choice choice;

    public String scope;

    @Column(name = "designated_subject_id")
    public String designatedSubjectId;

    @Column(name = "designated_name")
    public String designatedName;

    @Column(name = "designated_contact")
    public String designatedContact;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    public ActorType actorType;

    @Column(nullable = false)
    public String actor;

    public String note;

    public boolean revoked() {
        return kind == Kind.REVOKED;
    }
}
