package org.privacyplatform.commons.security;

import java.util.Objects;

/**
 * Who acted: a type and an id (a person's {@code sub}, a calling system's client id, or a platform service's
 * name). Ids are pseudonymous: a {@code sub} or a system name, never a person's name or e-mail address.
 */
public record Actor(ActorType type, String id) {

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The id an event may carry: a calling system's or a platform service's, never a person's (a subject's
     * {@code sub} is the event's subject already; a DPO's stays in the owning service's database).
     */
    public String systemId() {
        return type == ActorType.SERVICE || type == ActorType.SYSTEM ? id : null;
    }

    /** The platform service {@code name} acting by its own rule or on another service's event. */
    public static Actor system(String name) {
        return new Actor(ActorType.SYSTEM, name);
    }
}
