package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A device whose choices a subject joined: from then on the device is that subject's (deleted on erasure). */
@Entity
@Table(name = "device_link")
public class DeviceLink extends PanacheEntityBase {

    /** The device's reference ({@code device:} and a keyed pseudonym of its id), never the id itself. */
    @Id
    @Column(name = "device_ref")
    public String deviceRef;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "linked_at", nullable = false)
    public OffsetDateTime linkedAt;
}
