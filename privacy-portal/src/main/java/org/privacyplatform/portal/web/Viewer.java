package org.privacyplatform.portal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at the page: nobody, or the person Keycloak logged in (their subject id is the token's
 * {@code sub}, their roles the realm roles). Templates read it as {@code inject:viewer}.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String DPO = "dpo";
    public static final String AUDITOR = "auditor";
    public static final String DATA_SUBJECT = "data-subject";

    private final SecurityIdentity identity;

    /** A field, not a constructor parameter: Quarkus' {@code @IdToken} qualifier applies to fields and methods only. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** The subject id: the id token's {@code sub}, the same as the access token's. */
    public String getSubjectId() {
        return isLoggedIn() ? idToken.getSubject() : null;
    }

    public String getName() {
        if (!isLoggedIn()) {
            return null;
        }
        String given = idToken.getClaim("given_name");
        String user = idToken.getClaim("preferred_username");
        return given != null ? given : user;
    }

    public boolean isDpo() {
        return identity.hasRole(DPO);
    }

    public boolean isAuditor() {
        return identity.hasRole(AUDITOR);
    }

    public boolean isDataSubject() {
        return identity.hasRole(DATA_SUBJECT);
    }

    /** May open the console: the dpo acts there, the auditor reads. */
    public boolean isStaff() {
        return isDpo() || isAuditor();
    }
}
