package org.privacyplatform.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Data a platform service holds on a subject, and until when it may keep it. */
@Entity
@Table(name = "holding")
public class Holding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String system;

    @Column(nullable = false)
    public String reference;

    /** When the rule's clock started; null while the anchor event (a contract end, say) has not happened. */
    @Column(name = "anchor_date")
    public LocalDate anchorDate;

    /**
     * The last incoming contact the holding system told of (the registration day unless it said otherwise): while
     * the anchor has not come, the rule's backstop counts from it.
     */
    @Column(name = "last_contact_on", nullable = false)
    public LocalDate lastContactOn;

    /**
     * The day the proceedings of the last legal hold lifted on it ended: a rule that restarts after a hold counts
     * its limitation period from it. Null if no hold was ever lifted on it.
     */
    @Column(name = "proceedings_ended_on")
    public LocalDate proceedingsEndedOn;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    @Column(name = "archive_from")
    public LocalDate archiveFrom;

    /** The day it must be deleted; null while unknown. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldingStatus status;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "expired_at")
    public OffsetDateTime expiredAt;
}
