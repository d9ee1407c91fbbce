package org.privacyplatform.commons.testing;

import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, the subject id in
 * {@code sub}, the client the token was issued to in {@code azp}), signed with the key that
 * quarkus-test-oidc-server publishes. Use with {@code @WithTestResource(OidcWiremockTestResource.class)}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The demo calling system that {@link #service()} speaks for: the reference customer's learning platform. */
    public static final String DEMO_SYSTEM = "lms";
    /** The platform's own calling system, which assembles the access export. */
    public static final String RIGHTS_REQUEST_SERVICE = "rights-request-service";

    private TestTokens() {
    }

    public static String token(String subject, String... roles) {
        return sign(claims(subject, roles));
    }

    public static String dataSubject(String subjectId) {
        return token(subjectId, "data-subject");
    }

    public static String dpo() {
        return token("dpo-user", "dpo");
    }

    /** A token of the demo calling system {@value #DEMO_SYSTEM}. */
    public static String service() {
        return service(DEMO_SYSTEM);
    }

    /** A client-credentials token of the calling system {@code system}: role service, its client id in {@code azp}. */
    public static String service(String system) {
        return sign(claims("service-account-" + system, "service").claim("azp", system));
    }

    public static String auditor() {
        return token("auditor-user", "auditor");
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.claims()
                .subject(subject)
                .preferredUserName(subject)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
