package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** The consent history is paged; a notice text is bounded, generously; a body over 64 KiB is refused. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ConsentBoundsTest {

    @Test
    void theHistoryPagesOldestFirstWithALinkToTheNextPage() {
        String subject = "subj-" + UUID.randomUUID();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.refuse(subject, "newsletter");
        ConsentApi.grant(subject, "newsletter");
        String token = TestTokens.dataSubject(subject);
        String link = given().auth().oauth2(token).queryParam("size", 2).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(2)).body("[0].status", equalTo("GRANTED"))
                .body("[1].status", equalTo("WITHDRAWN")).extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(link)
                .isEqualTo("</subjects/" + subject + "/consents/history?page=1&size=2>; rel=\"next\"");
        given().auth().oauth2(token).queryParam("size", 2).queryParam("page", 1).when()
                .get("/subjects/{s}/consents/history", subject).then().statusCode(200).body("", hasSize(1))
                .header("Link", nullValue());
        for (String[] c : new String[][] { { "page=2147483647", "page" }, { "size=0", "size" }, { "size=501", "size" } }) {
            given().auth().oauth2(token).when().get("/subjects/" + subject + "/consents/history?" + c[0]).then()
                    .statusCode(400).contentType(ConsentApi.PROBLEM).body("errors.field", hasItem(c[1]));
        }
    }

    @Test
    void aNoticeTextOverItsBoundIs400NamingTheFieldAndABodyOver72KiBIs413() {
        String purpose = "bounded-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"n\",\"description\":\"d\",\"legalBasis\":\"CONSENT\",\"notice\":{\"version\":\"1.0\","
                + "\"text\":\"%s\"}}";
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(String.format(body, "t".repeat(20001)))
                .when().put("/purposes/{p}", purpose).then().statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem("notice.text"));
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(String.format(body, "t".repeat(80_000)))
                .when().put("/purposes/{p}", purpose).then().statusCode(413).contentType(ConsentApi.PROBLEM);
        given().when().get("/purposes/{p}", purpose).then().statusCode(404);
        // a long notice (20,000 characters) is accepted
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(String.format(body, "t".repeat(20_000)))
                .when().put("/purposes/{p}", purpose).then().statusCode(201);
    }

    @Test
    void theCatalogueOfPurposesPagesByIdWithALinkToTheNextPage() {
        // the seeded catalogue has more than two purposes
        String link = given().queryParam("size", 2).when().get("/purposes").then().statusCode(200).body("", hasSize(2))
                .extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(link).isEqualTo("</purposes?page=1&size=2>; rel=\"next\"");
        java.util.List<String> first = given().queryParam("size", 2).when().get("/purposes").then().extract().path("id");
        java.util.List<String> second = given().queryParam("size", 2).queryParam("page", 1).when().get("/purposes").then()
                .statusCode(200).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(first.get(1)).isLessThan(second.get(0));
        given().queryParam("size", 500).queryParam("page", 1).when().get("/purposes").then().statusCode(200)
                .body("", hasSize(0)).header("Link", nullValue());
        for (String[] c : new String[][] { { "page=2147483647", "page" }, { "size=0", "size" }, { "size=501", "size" } }) {
            given().when().get("/purposes?" + c[0]).then().statusCode(400).contentType(ConsentApi.PROBLEM)
                    .body("errors.field", hasItem(c[1]));
        }
    }
}
