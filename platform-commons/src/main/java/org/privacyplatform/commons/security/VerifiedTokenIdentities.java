package org.privacyplatform.commons.security;

import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plugs {@link VerifiedTokens} into Quarkus security: asked before quarkus-oidc, it answers a recognised token
 * with the identity its full check gave, and otherwise lets quarkus-oidc verify it (answering no identity
 * passes the request on); the first augmentor then remembers what a full check gave. A token signed with a key
 * the issuer no longer publishes is refused here, before any check.
 */
public final class VerifiedTokenIdentities {

    /** Marks an identity answered from the cache, so that it is not remembered again. */
    static final String FROM_CACHE = "org.privacyplatform.token-cache.hit";

    private VerifiedTokenIdentities() {
    }

    @ApplicationScoped
    public static class CachedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public CachedTokenProvider(VerifiedTokens tokens) {
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
            if (token == null) {
                return Uni.createFrom().nullItem();
            }
            Optional<SecurityIdentity> known = tokens.recognise(token);
            if (known.isPresent()) {
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.get()).addAttribute(FROM_CACHE, true)
                        .addAttributes(request.getAttributes()).build());
            }
            if (tokens.signedWithWithdrawnKey(token)) {
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
