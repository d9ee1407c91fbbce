package org.privacyplatform.commons.testing;

import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, the subject id in
 * {@code sub}), signed with the key that quarkus-test-oidc-server publishes. Use with
 * {@code @WithTestResource(OidcWiremockTestResource.class)}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.claims()
                .subject(subject)
                .preferredUserName(subject)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    public static String dataSubject(String subjectId) {
        return token(subjectId, "data-subject");
    }

    public static String dpo() {
        return token("dpo-user", "dpo");
    }

    public static String service() {
        return token("service-account-privacy-service", "service");
    }

    public static String auditor() {
        return token("auditor-user", "auditor");
    }
}
