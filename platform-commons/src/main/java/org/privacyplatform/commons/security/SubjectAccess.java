package org.privacyplatform.commons.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Object-level authorization for subject-scoped endpoints: a caller who is only a {@code data-subject}
 * may touch their own subject id (the token's {@code sub}) and nothing else. Callers with a platform role
 * ({@code dpo}, {@code service}, {@code auditor}) are limited by the endpoint's {@code @RolesAllowed} alone.
 * Stateless (the injected identity is the current request's): one instance, not one per request.
 */
@ApplicationScoped
public class SubjectAccess {

    private final SecurityIdentity identity;

    public SubjectAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Throws 403 unless the caller may act on {@code subjectId}. */
    public void check(String subjectId) {
        if (!isOnlyDataSubject()) {
            return;
        }
        if (subjectId == null || !subjectId.equals(callerSubject())) {
            throw new ForbiddenException("a data subject may only access their own data");
        }
    }

    /** Whether the caller acts only as a data subject, i.e. is bound to their own subject id. */
    public boolean isOnlyDataSubject() {
        return identity.hasRole(Roles.DATA_SUBJECT) && !identity.hasRole(Roles.DPO)
                && !identity.hasRole(Roles.SERVICE) && !identity.hasRole(Roles.AUDITOR);
    }

    /** The caller's subject id: the token's {@code sub}. */
    public String callerSubject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
