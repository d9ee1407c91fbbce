package org.privacyplatform.commons.security;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token that {@link VerifiedTokens} already holds before quarkus-oidc's own mechanism resolves its
 * tenant, extracts and parses the token: asked first (one above {@code quarkus.oidc.priority}), it looks the token up
 * by its digest and, when it is recognised, has the {@link IdentityProviderManager} build the identity from what the
 * full check gave ({@link VerifiedTokenIdentities.RecognisedTokenProvider}), so the augmentors run as after a full
 * check and the roles, {@code sub} and client are the same. A token it does not recognise (never seen, expired, over
 * the length bound, from before the issuer's keys changed, or changed by a single byte) it leaves to quarkus-oidc
 * unchanged (answering no identity passes the request on); it never refuses anything and sends no challenge of its own.
 */
@ApplicationScoped
public class RecognisedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";

    /** A token this mechanism recognised, with the identity its full check gave. */
    public static final class RecognisedTokenRequest extends BaseAuthenticationRequest {

        private final SecurityIdentity verified;

        RecognisedTokenRequest(SecurityIdentity verified) {
            this.verified = verified;
        }

        SecurityIdentity verified() {
            return verified;
        }
    }

    private final VerifiedTokens tokens;
    private final int priority;

    public RecognisedTokenMechanism(VerifiedTokens tokens,
            @ConfigProperty(name = "quarkus.oidc.priority", defaultValue = "1001") int oidcPriority) {
        this.tokens = tokens;
        this.priority = oidcPriority + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        Optional<SecurityIdentity> verified = tokens.recognise(token);
        if (verified.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new RecognisedTokenRequest(verified.get()), context));
    }

    /** The token of an {@code Authorization: Bearer <token>} header, as quarkus-oidc reads it; null otherwise. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = authorization.substring(SCHEME.length());
        return token.indexOf(' ') >= 0 ? null : token;
    }

    /** No challenge of its own: quarkus-oidc's answers an unauthenticated request. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(RecognisedTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return priority;
    }
}
