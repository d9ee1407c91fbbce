package org.privacyplatform.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Every failure leaves as problem+json; a data subject reaches only their own subject id. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProblemAndAccessTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIs401() {
        given().when().get("/probe/subjects/alice")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("title", equalTo("Unauthorized")).body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIs401() {
        String token = TestTokens.dataSubject("alice");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).when().get("/probe/subjects/alice")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aDataSubjectReadsTheirOwnSubject() {
        given().auth().oauth2(TestTokens.dataSubject("alice")).when().get("/probe/subjects/alice")
                .then().statusCode(200).body("subjectId", equalTo("alice"));
    }

    @Test
    void aDataSubjectIsRefusedAnotherSubject() {
        given().auth().oauth2(TestTokens.dataSubject("alice")).when().get("/probe/subjects/bob")
                .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Forbidden"))
                .body("subjectId", nullValue());
    }

    @Test
    void aDpoReadsAnySubject() {
        given().auth().oauth2(TestTokens.dpo()).when().get("/probe/subjects/bob")
                .then().statusCode(200).body("subjectId", equalTo("bob"));
    }

    @Test
    void theWrongRoleIs403() {
        given().auth().oauth2(TestTokens.auditor()).when().get("/probe/subjects/bob")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.dataSubject("alice")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"size\":1}").when().post("/probe/things")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aBadlyFormedSubjectIdIs400NamingTheField() {
        given().auth().oauth2(TestTokens.dpo()).when().get("/probe/subjects/" + "x".repeat(65))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("subjectId"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/probe/subjects/al%20ice")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("subjectId"));
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Bad Request"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aMissingFieldIs400NamingTheField() {
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"name\":\"x\",\"size\":\"big\"}")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
    }

    @Test
    void aDomainConflictIs409() {
        given().when().get("/probe/conflict")
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo("the thing is already done"))
                .body("instance", equalTo("/probe/conflict"));
    }

    @Test
    void tooManyRequestsIs429WithRetryAfterInWholeSecondsRoundedUp() {
        given().when().get("/probe/busy")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", equalTo("3"))
                .body("title", equalTo("Too Many Requests")).body("status", equalTo(429));
        given().when().get("/probe/conflict").then().statusCode(409).header("Retry-After", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anUnexpectedErrorIs500WithoutInternals() {
        given().when().get("/probe/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", containsString("error id"))
                .body(not(containsString("db-host-7"))).body(not(containsString("at org.")));
    }

    @Test
    void anUnknownPathIs404() {
        given().when().get("/no/such/path")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonBeforeItIsRead() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"size\":1}";
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(big).when().post("/probe/things")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413))
                .body("title", equalTo("Content Too Large")).body("detail", containsString("65536"))
                .body("instance", equalTo("/probe/things"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJsonToo() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"size\":1}").getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length goes out chunked: no Content-Length to refuse it by
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(new ByteArrayInputStream(big))
                .when().post("/probe/things")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String name = "x".repeat(60 * 1024);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"size\":1}")
                .when().post("/probe/things").then().statusCode(200).body("size", equalTo(1));
    }

    @Test
    void pageParametersOutOfRangeAre400NamingTheParameter() {
        for (String query : new String[] { "page=-1", "page=2147483647", "size=0", "size=501" }) {
            given().when().get("/probe/pages?" + query).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(query.substring(0, query.indexOf('='))));
        }
        given().when().get("/probe/pages?size=abc").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aPagedListLinksToItsNextPageUntilTheLast() {
        given().when().get("/probe/pages?size=2&page=0&filter=odd").then().statusCode(200).body("", hasSize(2))
                .header("Link", equalTo("</probe/pages?filter=odd&page=1&size=2>; rel=\"next\""));
        given().when().get("/probe/pages?size=2&page=2&filter=odd").then().statusCode(200).body("", hasSize(1))
                .header("Link", nullValue());
    }
}
