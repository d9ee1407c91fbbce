package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Every list of the audit API is paged, and no query parameter can make it answer 500. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AuditBoundsTest {

    private static EventProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void outOfRangeParametersAre400ProblemJsonNamingTheParameter() {
        String id = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", AuditApi.subject());
        String token = TestTokens.auditor();
        String[][] cases = { { "/audit/events?page=2147483647", "page" }, { "/audit/events?page=-1", "page" },
                { "/audit/events?size=0", "size" }, { "/audit/events?size=501", "size" },
                { "/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from" },
                { "/audit/proofs/inclusion/" + id + "?treeSize=-1", "treeSize" },
                { "/audit/proofs/consistency?from=3&to=2", "from" },
                { "/audit/subjects/s-1/evidence?page=2147483647", "page" },
                { "/audit/subjects/s-1/evidence?size=0", "size" },
                { "/audit/subjects/s-1/evidence?treeSize=123456789", "treeSize" },
                { "/audit/events/" + "e".repeat(201), "eventId" },
                { "/audit/proofs/inclusion/" + "e".repeat(201), "eventId" } };
        for (String[] c : cases) {
            assertThat(given().auth().oauth2(token).when().get(c[0]).then().extract().statusCode()).as(c[0]).isEqualTo(400);
            given().auth().oauth2(token).when().get(c[0]).then().statusCode(400).contentType(AuditApi.PROBLEM)
                    .body("errors.field", hasItem(c[1]));
        }
        for (String path : new String[] { "/audit/proofs/inclusion/" + id + "?treeSize=abc", "/audit/events?page=abc",
                "/audit/events?size=1.5", "/audit/events?from=yesterday", "/audit/proofs/consistency?from=abc&to=2" }) {
            assertThat(given().auth().oauth2(token).when().get(path).then().contentType(AuditApi.PROBLEM).extract()
                    .statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    void eventsArePagedWithALinkToTheNextPage() {
        String subject = AuditApi.subject();
        for (int i = 0; i < 3; i++) {
            AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        }
        JsonPath first = given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject).queryParam("size", 2)
                .when().get("/audit/events").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        String next = first.getString("next");
        assertThat(next).startsWith("/audit/events?").contains("page=1").contains("size=2").contains("subjectId=" + subject);
        given().auth().oauth2(TestTokens.auditor()).when().get(next).then().statusCode(200).body("items", hasSize(1))
                .body("page", equalTo(1)).body("next", nullValue());
    }

    @Test
    void theEvidenceBundleIsPagedAgainstOneCheckpoint() {
        String subject = AuditApi.subject();
        for (int i = 0; i < 3; i++) {
            AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        }
        JsonPath first = given().auth().oauth2(TestTokens.dpo()).queryParam("size", 2).when()
                .get("/audit/subjects/{s}/evidence", subject).then().statusCode(200).body("events", hasSize(2))
                .extract().jsonPath();
        long treeSize = first.getLong("checkpoint.treeSize");
        // the log grows between the pages: the next page still proves against the first page's checkpoint
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);
        AuditApi.checkpoint();
        String next = first.getString("next");
        assertThat(next).contains("treeSize=" + treeSize).contains("page=1");
        JsonPath second = given().auth().oauth2(TestTokens.dpo()).when().get(next).then().statusCode(200)
                .body("events", hasSize(1)).extract().jsonPath();
        assertThat(second.getLong("checkpoint.treeSize")).isEqualTo(treeSize);
        assertThat(second.getString("next")).isNull();
        List<Object> indexes = new ArrayList<>(first.getList("events.leafIndex"));
        indexes.addAll(second.getList("events.leafIndex"));
        assertThat(indexes).doesNotHaveDuplicates().hasSize(3);
    }
}
