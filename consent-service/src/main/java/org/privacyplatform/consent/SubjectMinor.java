package org.privacyplatform.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A subject known to be under the age of digital consent (15 in France): their consents count only when a holder of
 * parental responsibility gives or authorises them (Art. 8 GDPR, art. 45 loi Informatique et Libertés).
 */
@Entity
@Table(name = "subject_minor")
public class SubjectMinor extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    /** The day they reach the age (from 00:00 Europe/Paris); null: stated a minor without a date, until told otherwise. */
    @Column(name = "consent_age_on")
    public LocalDate consentAgeOn;

    @Column(name = "stated_at", nullable = false)
    public OffsetDateTime statedAt;
}
