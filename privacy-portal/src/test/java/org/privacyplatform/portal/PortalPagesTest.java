package org.privacyplatform.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * What the portal promises before anyone logs in: its headers, its languages, where its links may lead, that the
 * centre and the console need a Keycloak login (with PKCE), and that a platform service that does not answer is a
 * readable 502 page. The pages behind the login are tested in a real browser (system-tests, Portal*Test).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PortalPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Test
    void everyPageCarriesAContentSecurityPolicyWithoutInlineScriptsAndRefusesFraming() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")),
                        containsString("frame-ancestors 'none'"), containsString("form-action 'self'")))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    }

    @Test
    void thePagesSpeakTheBrowsersLanguageOrTheOneChosenWithTheSwitch() {
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"), containsString("Vos données, vos choix"));
        given().header("Accept-Language", "de-DE").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", "fr").cookie("portal-lang", "en").when().get("/").then().statusCode(200)
                .body(containsString("Your data, your choices"));
        // a language the portal does not speak, chosen or asked, is the default language, never an error
        given().header("Accept-Language", "de").cookie("portal-lang", "xx").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndGoesBackOnlyToAPageOfThePortal() {
        given().config(NO_REDIRECTS).queryParam("back", "/notice").when().get("/lang/fr").then().statusCode(303)
                .header("Location", "http://localhost:" + port() + "/notice")
                .header("Set-Cookie", allOf(containsString("portal-lang=fr"), containsString("HTTPOnly")));
        for (String elsewhere : new String[] { "//evil.example/x", "https://evil.example", "/\\evil.example", "notice" }) {
            given().config(NO_REDIRECTS).queryParam("back", elsewhere).when().get("/lang/fr").then().statusCode(303)
                    .header("Location", "http://localhost:" + port() + "/");
        }
        given().config(NO_REDIRECTS).when().get("/lang/de").then().statusCode(303)
                .header("Set-Cookie", not(containsString("portal-lang")));
    }

    @Test
    void theCentreAndTheConsoleSendAVisitorToTheIdentityProviderWithPkce() {
        for (String path : new String[] { "/centre", "/centre/history", "/console" }) {
            given().config(NO_REDIRECTS).when().get(path).then().statusCode(302)
                    .header("Location", allOf(containsString("/realms/quarkus"),
                            containsString("code_challenge="), containsString("code_challenge_method=S256"),
                            containsString("client_id=quarkus-web-app")));
        }
    }

    @Test
    void aFormPostedWithoutALoginChangesNothingAndIsSentToLogIn() {
        given().config(NO_REDIRECTS).contentType("application/x-www-form-urlencoded").formParam("choice", "grant")
                .when().post("/centre/consents/newsletter").then().statusCode(302)
                .header("Location", allOf(containsString("/realms/quarkus"), containsString("code_challenge_method=S256")));
    }

    @Test
    void aPlatformServiceThatDoesNotAnswerIsAReadableErrorPageInThePersonsLanguage() {
        given().header("Accept-Language", "fr").when().get("/notice").then().statusCode(502)
                .contentType(startsWith("text/html"))
                .body(containsString("Un service de la plateforme n"), containsString("<html lang=\"fr\">"));
    }

    @Test
    void anUnknownPageIsA404PageNotAStackTrace() {
        given().when().get("/no-such-page").then().statusCode(404).body(not(containsString("Exception")));
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
