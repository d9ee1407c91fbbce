package org.privacyplatform.commons.security;

import java.util.Collection;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, read from the bearer token in one place for every service.
 * <p>
 * A calling system (role {@code service}) is named by the token's {@code azp} claim, the OIDC "authorized
 * party": the client id the token was issued to. Keycloak sets it in every access token and nobody but the
 * client holding that client's secret obtains a token with it, so one confidential client per calling system
 * is one identity per calling system ({@code lms}, {@code crm}, {@code rights-request-service}, ...). A person
 * is named by {@code sub}.
 */
@RequestScoped
public class Caller {

    /** The claim that names the calling system of a {@code service} token. */
    public static final String SYSTEM_CLAIM = "azp";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether the caller is a calling system (role {@code service}). */
    public boolean isService() {
        return identity.hasRole(Roles.SERVICE);
    }

    /**
     * The calling system's id (its OIDC client id); 403 when the caller is no service or its token names no
     * system, so that an anonymous "service" can never act.
     */
    public String system() {
        if (!isService()) {
            throw new ForbiddenException("only a calling system (role service) has a system id");
        }
        String system = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(SYSTEM_CLAIM) : null;
        if (system == null || system.isBlank()) {
            throw new ForbiddenException("the token names no calling system (claim " + SYSTEM_CLAIM + ")");
        }
        return system;
    }

    /** Whether the caller is a calling system among {@code systems}. */
    public boolean isSystemIn(Collection<String> systems) {
        if (!isService()) {
            return false;
        }
        String system = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(SYSTEM_CLAIM) : null;
        return system != null && systems.contains(system);
    }

    /** The caller's subject id: the token's {@code sub}. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * Who is acting, for the records that must say so: a calling system by its client id, the DPO or a data
     * subject by their {@code sub}. The strongest role decides (a service token is a system, whatever else it holds).
     */
    public Actor actor() {
        if (isService()) {
            return new Actor(ActorType.SERVICE, system());
        }
        if (identity.hasRole(Roles.DPO)) {
            return new Actor(ActorType.DPO, subject());
        }
        if (identity.hasRole(Roles.DATA_SUBJECT)) {
            return new Actor(ActorType.SUBJECT, subject());
        }
        throw new ForbiddenException("the caller has no role that acts here");
    }
}
