package org.privacyplatform.portal.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A subject's post-mortem instructions as rights-request-service shows them (GET
 * /subjects/{id}/post-mortem-instructions): those in force, every version (oldest first), the death once recorded.
 */
public record PostMortem(String subjectId, Version current, List<Version> versions, Death death, String notice) {

    /** One version; kind REVOKED records a revocation. */
    public record Version(int version, String kind, String choice, String scope, Person designatedPerson,
            OffsetDateTime recordedAt, String actorType, String actor) {
    }

    /** A subject of the platform (subjectId), or a name and a contact. */
    public record Person(String subjectId, String name, String contact) {
    }

    public record Death(LocalDate diedOn, OffsetDateTime recordedAt, Integer appliedVersion, String appliedChoice) {
    }
}
