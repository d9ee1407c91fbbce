package org.privacyplatform.retention;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The retention rule in force for one data category. */
@Entity
@Table(name = "retention_rule")
public class RetentionRule extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Anchor anchor;

    /** ISO-8601 period after the anchor. */
    @Column(nullable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_action", nullable = false)
    public EndAction endAction;

    @Column(name = "archive_period")
    public String archivePeriod;

    @Column(name = "consent_purpose")
    public String consentPurpose;

    @Column(nullable = false)
    public boolean statutory;

    /**
     * For a rule whose anchor may never come ({@link Anchor#mayBeInTheFuture()}): how long after its last contact a
     * holding still waiting for its anchor falls due (ISO-8601). Null for every other rule.
     */
    public String backstop;

    /** Lifting a legal hold on this rule's data restarts {@link #limitationPeriod} from the end of the proceedings. */
    @Column(name = "restart_after_hold", nullable = false)
    public boolean restartAfterHold;

    /** The limitation period that restarts when a legal hold is lifted (ISO-8601); null unless restartAfterHold. */
    @Column(name = "limitation_period")
    public String limitationPeriod;

    @Column(nullable = false)
    public String ground;

    @Column(nullable = false)
    public int version;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
