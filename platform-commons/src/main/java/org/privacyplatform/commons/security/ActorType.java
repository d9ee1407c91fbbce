package org.privacyplatform.commons.security;

/** Who acted, in a record that must say so (a consent decision, a step of a request). */
public enum ActorType {
    /** The data subject themselves, with their own token: the actor id is their {@code sub}. */
    SUBJECT,
    /** The data protection officer: the actor id is the DPO's {@code sub} (never their name). */
    DPO,
    /** A calling system with role {@code service}: the actor id is the system's OIDC client id. */
    SERVICE,
    /**
     * The platform itself, by its own rule (a consent expiring, a request closed once every recipient answered)
     * or on another platform service's event: the actor id is the platform service's name.
     */
    SYSTEM
}
