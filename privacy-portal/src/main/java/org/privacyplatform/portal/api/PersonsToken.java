package org.privacyplatform.portal.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Calls a platform API with the logged-in person's own access token (from their Keycloak session), so that the
 * service decides what they may do and records them as the actor. Never a token of the portal's own.
 */
public class PersonsToken implements ClientRequestFilter {

    private final SecurityIdentity identity;

    public PersonsToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new UnauthorizedException();
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
