package org.privacyplatform.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Litigation: nothing of its subject, its category, or its subject's data of its category expires while it stands. */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public String subjectId;

    public String category;

    @Column(name = "case_reference", nullable = false)
    public String caseReference;

    @Column(nullable = false)
    public String reason;

    @Column(name = "placed_at", nullable = false)
    public OffsetDateTime placedAt;

    @Column(name = "lifted_at")
    public OffsetDateTime liftedAt;

    /**
     * The last day the hold stands, a day in Paris: set by the DPO for an appeal period (the last day to appeal; the
     * sweep lifts the hold from 00:00 Paris the next day), and set to the day of lifting when the DPO lifts it
     * earlier. Restarted limitation periods count from it.
     */
    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** A hold naming a subject and a category keeps only that subject's data of that category. */
    public boolean appliesTo(Holding holding) {
        return liftedAt == null && (subjectId == null || subjectId.equals(holding.subjectId))
                && (category == null || category.equals(holding.category));
    }
}
