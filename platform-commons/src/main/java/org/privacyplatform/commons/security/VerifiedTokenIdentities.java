package org.privacyplatform.commons.security;

import org.privacyplatform.commons.security.RecognisedTokenMechanism.RecognisedTokenRequest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plugs {@link VerifiedTokens} into Quarkus security. {@link RecognisedTokenMechanism}, asked before quarkus-oidc's
 * mechanism, looks a bearer token up and hands what its full check gave to {@link RecognisedTokenProvider}, which
 * answers it as this request's identity (the augmentors then run as after a full check). A token it did not recognise
 * goes to quarkus-oidc: {@link WithdrawnKeyCheck}, asked before quarkus-oidc's provider, refuses it if it is signed
 * with a key the issuer no longer publishes and otherwise lets quarkus-oidc verify it (answering no identity passes
 * the request on); the first augmentor, {@link RememberVerified}, then remembers what the full check gave.
 */
public final class VerifiedTokenIdentities {

    /** Marks an identity answered from the cache, so that it is not remembered again. */
    static final String FROM_CACHE = "org.privacyplatform.token-cache.hit";

    private VerifiedTokenIdentities() {
    }

    /** Answers a token {@link RecognisedTokenMechanism} recognised with the identity its full check gave. */
    @ApplicationScoped
    public static class RecognisedTokenProvider implements IdentityProvider<RecognisedTokenRequest> {

        @Override
        public Class<RecognisedTokenRequest> getRequestType() {
            return RecognisedTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RecognisedTokenRequest request, AuthenticationRequestContext context) {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(request.verified())
                    .addAttribute(FROM_CACHE, true).addAttributes(request.getAttributes());
            RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routingContext != null) {
                // quarkus-oidc keeps the request's routing context in the identity: this request's, not the one verified
                identity.addAttribute(RoutingContext.class.getName(), routingContext);
            }
            return Uni.createFrom().item(identity.build());
        }
    }

    /** Refuses a token signed with a key the issuer no longer publishes, before quarkus-oidc checks it. */
    @ApplicationScoped
    public static class WithdrawnKeyCheck implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public WithdrawnKeyCheck(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before quarkus-oidc's provider. */
        @Override
        public int priority() {
            return SYSTEM_FIRST + 100;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            String token = request.getToken().getToken();
            if (token != null && tokens.signedWithWithdrawnKey(token)) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the token's signing key is withdrawn"));
            }
            return Uni.createFrom().nullItem();
        }
    }

    @ApplicationScoped
    public static class RememberVerified implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public RememberVerified(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        /** First of the augmentors: it keeps the identity as the full check made it. */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous() && identity.getAttribute(FROM_CACHE) == null) {
                for (var credential : identity.getCredentials()) {
                    VerifiedTokens.tokenOf(credential).ifPresent(token -> tokens.remember(token, identity));
                }
            }
            return Uni.createFrom().item(identity);
        }
    }
}
