package org.privacyplatform.rights;

import java.time.OffsetDateTime;
import java.util.UUID;

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

/** One step of a request (append-only, enforced by the database). */
@Entity
@Table(name = "request_history")
public class RequestHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public RequestStatus toStatus;

    /** Who acted; null only on steps recorded before actors were (their {@code actor} names a role or a system). */
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    public ActorType actorType;

    /** The person's {@code sub} (subject or DPO), the calling system's client id, or the platform service's name. */
    @Column(nullable = false)
    public String actor;

    public String note;
}
