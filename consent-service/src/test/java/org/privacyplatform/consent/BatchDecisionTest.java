package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** POST /decisions: many subjects, one purpose, each answered as the single decision would answer it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BatchDecisionTest {

    @Test
    void decisionsComeInTheOrderAskedAndAgreeWithTheSingleDecisionCachedOrNot() {
        String granted = ConsentResourceTest.subject();
        String refused = ConsentResourceTest.subject();
        String unknown = ConsentResourceTest.subject();
        ConsentApi.grant(granted, "newsletter");
        ConsentApi.refuse(refused, "newsletter");
        ConsentApi.decision(granted, "newsletter").body("allowed", equalTo(true)); // in memory now; the others are not

        List<String> asked = List.of(refused, granted, unknown, granted);
        ValidatableResponse answer = batch(TestTokens.service(), "newsletter", asked).statusCode(200).body("", hasSize(4));
        assertThat(answer.extract().jsonPath().getList("subjectId")).isEqualTo(asked);
        assertThat(answer.extract().jsonPath().getList("allowed")).containsExactly(false, true, false, true);
        assertThat(answer.extract().jsonPath().getList("reason"))
                .containsExactly("CONSENT_WITHDRAWN", "CONSENT_GIVEN", "NO_CONSENT", "CONSENT_GIVEN");
        for (int i = 0; i < asked.size(); i++) {
            String single = ConsentApi.decision(asked.get(i), "newsletter").extract().path("reason");
            assertThat(answer.extract().jsonPath().getString("[" + i + "].reason")).isEqualTo(single);
        }

        // a change is answered at once, whether the subject was in memory before (granted) or was kept there by the
        // batch itself (unknown)
        ConsentApi.refuse(granted, "newsletter");
        ConsentApi.grant(unknown, "newsletter");
        batch(TestTokens.dpo(), "newsletter", List.of(granted, unknown)).statusCode(200)
                .body("[0].allowed", equalTo(false)).body("[0].reason", equalTo("CONSENT_WITHDRAWN"))
                .body("[1].allowed", equalTo(true)).body("[1].reason", equalTo("CONSENT_GIVEN"));
    }

    @Test
    void aThousandLongIdsAreAnsweredAndOneMoreIsRefused() {
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.add(String.format("batch-%s-%022d", UUID.randomUUID(), i).substring(0, 64));
        }
        batch(TestTokens.service(), "newsletter", thousand).statusCode(200).body("", hasSize(1_000))
                .body("[999].subjectId", equalTo(thousand.get(999)));
        List<String> tooMany = new ArrayList<>(thousand);
        tooMany.add("one-more");
        batch(TestTokens.service(), "newsletter", tooMany).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("subjectIds")));
    }

    @Test
    void badInputIsAProblemAndOnlyServicesAndTheDpoMayAsk() {
        String subject = ConsentResourceTest.subject();
        batch(TestTokens.service(), "newsletter", List.of()).statusCode(400).contentType(ConsentApi.PROBLEM);
        batch(TestTokens.service(), "newsletter", List.of("not an id!")).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("subjectIds")));
        batch(TestTokens.service(), "no-such-purpose", List.of(subject)).statusCode(404).contentType(ConsentApi.PROBLEM);
        given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON).body("{\"subjectIds\":[\"" + subject + "\"]}")
                .when().post("/decisions").then().statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("purposeId")));
        // a subject asks about themselves through GET /subjects/{id}/decisions, never about a list of others
        batch(TestTokens.dataSubject(subject), "newsletter", List.of(subject)).statusCode(403);
        given().contentType(ContentType.JSON).body("{\"purposeId\":\"newsletter\",\"subjectIds\":[\"" + subject + "\"]}")
                .when().post("/decisions").then().statusCode(401);
    }

    private static ValidatableResponse batch(String token, String purposeId, List<String> subjectIds) {
        StringBuilder ids = new StringBuilder();
        for (String id : subjectIds) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(id).append('"');
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"purposeId\":\"" + purposeId + "\",\"subjectIds\":[" + ids + "]}").when().post("/decisions").then();
    }
}
