package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.consent.NoticeApi.JSON_LD;
import static org.privacyplatform.consent.NoticeApi.normalise;
import static org.privacyplatform.consent.NoticeApi.visibleText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Done when (issue 16): every purpose, legal basis, retention period, right, recipient category and the DPO contact
 * the reference policy states appear in the generated notice, in English and in French.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReferencePolicyNoticeTest {

    private static final ReferencePolicy POLICY = ReferencePolicy.read();
    private static final Map<String, String> DPV_BASIS = Map.of("CONTRACT", "dpv:Contract", "CONSENT", "dpv:Consent",
            "LEGAL_OBLIGATION", "dpv:LegalObligation", "LEGITIMATE_INTEREST", "dpv:LegitimateInterest");

    @Test
    void everyPurposeOfThePolicyIsInTheNoticeUnderItsLegalBasisInEnglishAndFrench() {
        assertThat(POLICY.purposes()).hasSize(12).doesNotContainValue(null);
        JsonPath en = NoticeApi.jsonLd("en");
        JsonPath fr = NoticeApi.jsonLd("fr");
        String htmlEn = html("en");
        String htmlFr = html("fr");
        List<String> absent = new ArrayList<>();
        POLICY.purposes().forEach((statement, basis) -> {
            List<Map<String, Object>> processes = en.getList("'dpv:hasProcess'");
            Map<String, Object> process = processes.stream()
                    .filter(p -> normalise(description(p)).contains(normalise(statement))).findFirst().orElse(null);
            if (process == null) {
                absent.add(statement);
                return;
            }
            String purposeId = (String) process.get("dct:identifier");
            assertThat(legalBases(process)).as(statement).contains(DPV_BASIS.get(basis));
            assertThat(htmlEn).as(statement).contains(normalise(description(process)));

            Map<String, Object> french = fr.<Map<String, Object>>getList("'dpv:hasProcess'").stream()
                    .filter(p -> purposeId.equals(p.get("dct:identifier"))).findFirst().orElseThrow();
            assertThat(description(french)).as(purposeId + " in French").isNotBlank().isNotEqualTo(description(process));
            assertThat(htmlFr).as(purposeId + " in French").contains(normalise(description(french)));
            assertThat(legalBases(french)).contains(DPV_BASIS.get(basis));
        });
        assertThat(absent).as("purposes of the policy missing from the notice").isEmpty();
        // the legal bases are named in words in each language, not only as DPV terms
        assertThat(htmlEn).contains("performance of a contract", "your consent", "legal obligation", "legitimate interests");
        assertThat(htmlFr).contains("exécution d'un contrat", "votre consentement", "obligation légale", "intérêts légitimes");
    }

    @Test
    void everyRetentionPeriodOfThePolicyIsInTheNoticeInEnglishAndFrench() {
        String htmlEn = html("en");
        String htmlFr = html("fr");
        assertThat(POLICY.retentionPeriods()).contains("5 years", "3 years", "10 years", "12 months", "6 months", "1 year",
                "13 months", "until the subscriber unsubscribes");
        for (String period : POLICY.retentionPeriods()) {
            assertThat(htmlEn).as(period).containsPattern(word(period));
            assertThat(htmlFr).as(period + " in French").containsPattern(word(french(period)));
        }
        // JSON-LD: storage durations as DPV terms with their ISO 8601 duration
        assertThat(NoticeApi.notice(JSON_LD, "en").asString()).contains("dpv:StorageDuration", "\"P3Y\"", "\"P13M\"");
    }

    @Test
    void everyRightOfThePolicyIsInTheNoticeInEnglishAndFrench() {
        JsonPath en = NoticeApi.jsonLd("en");
        JsonPath fr = NoticeApi.jsonLd("fr");
        String htmlFr = html("fr");
        String htmlEn = html("en");
        assertThat(POLICY.rights()).hasSize(8);
        for (String right : POLICY.rights()) {
            Map<String, Object> node = en.<Map<String, Object>>getList("'dpv:hasRight'").stream()
                    .filter(r -> normalise((String) r.get("dct:description")).contains(normalise(right))).findFirst()
                    .orElseThrow(() -> new AssertionError("right missing from the notice: " + right));
            assertThat(htmlEn).contains(normalise(right));
            Map<String, Object> french = fr.<Map<String, Object>>getList("'dpv:hasRight'").stream()
                    .filter(r -> r.get("@id").equals(node.get("@id"))).findFirst().orElseThrow();
            assertThat((String) french.get("dct:description")).as(right + " in French").isNotBlank()
                    .isNotEqualTo(node.get("dct:description"));
            assertThat(htmlFr).contains(normalise((String) french.get("dct:description")));
        }
        assertThat(en.getList("'dpv:hasRight'.'@id'")).contains("eu-gdpr:A15", "eu-gdpr:A16", "eu-gdpr:A17", "eu-gdpr:A18",
                "eu-gdpr:A20", "eu-gdpr:A21", "eu-gdpr:A7-3", "eu-gdpr:A77");
    }

    @Test
    void everyRecipientCategoryOfThePolicyIsInTheNoticeInEnglishAndFrench() {
        String htmlEn = html("en");
        String htmlFr = html("fr");
        String jsonLdFr = NoticeApi.notice(JSON_LD, "fr").asString();
        assertThat(POLICY.recipients()).hasSize(7);
        for (String recipient : POLICY.recipients()) {
            assertThat(htmlEn).as(recipient).contains(normalise(recipient));
        }
        // in French each recipient category is its own text (not the English one), and DPV names them as recipients
        assertThat(htmlFr).contains("employeurs des apprenants", "sous-traitants", "avocats", "médiateurs", "commissaires aux comptes");
        assertThat(jsonLdFr).contains("dpv:Recipient");
        for (String recipient : POLICY.recipients()) {
            assertThat(htmlFr).as(recipient + " left in English").doesNotContain(normalise(recipient));
        }
    }

    @Test
    void theDpoContactOfThePolicyIsInTheNoticeInEnglishAndFrench() {
        List<String> address = POLICY.dpoAddress();
        assertThat(address).containsExactly("7Speaking – Délégué à la Protection des Données personnelles",
                "Tour Europe – 33 Place des Corolles", "92400 Courbevoie");
        for (String lang : List.of("en", "fr")) {
            String text = html(lang);
            for (String line : address) {
                assertThat(text).as(line + " (" + lang + ")").contains(normalise(line));
            }
            JsonPath jsonLd = NoticeApi.jsonLd(lang);
            assertThat(jsonLd.getString("'dpv:hasDataProtectionOfficer'.'@type'")).isEqualTo("dpv:DataProtectionOfficer");
            assertThat(jsonLd.getString("'dpv:hasDataProtectionOfficer'.'dpv:hasAddress'")).contains("33 Place des Corolles");
        }
    }

    @Test
    void theHtmlNoticeIsAccessibleAndTheLanguageFollowsAcceptLanguage() {
        String fr = given().accept("text/html").header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").when().get("/notice")
                .then().statusCode(200).header("Content-Language", "fr").extract().asString();
        assertThat(fr).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">", "<h1>", "<h2>", "<th scope=\"col\">",
                "<th scope=\"row\">", "<caption>");
        given().accept("text/html").header("Accept-Language", "de-DE,de;q=0.9").when().get("/notice").then().statusCode(200)
                .header("Content-Language", "en");
        given().accept("text/html").queryParam("lang", "fr").when().get("/notice").then().header("Content-Language", "fr");
        given().accept("text/html").queryParam("lang", "xx").when().get("/notice").then().statusCode(400)
                .contentType(ConsentApi.PROBLEM);
        given().accept(NoticeApi.MARKDOWN).when().get("/notice").then().statusCode(200).contentType(containsMarkdown())
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"));
    }

    private static String containsMarkdown() {
        return "text/markdown";
    }

    private static String html(String lang) {
        return visibleText(NoticeApi.notice("text/html", lang).then().statusCode(200).extract().asString());
    }

    private static String description(Map<String, Object> process) {
        @SuppressWarnings("unchecked")
        Map<String, Object> purpose = (Map<String, Object>) process.get("dpv:hasPurpose");
        return (String) purpose.get("dct:description");
    }

    @SuppressWarnings("unchecked")
    private static List<String> legalBases(Map<String, Object> process) {
        return ((List<Map<String, Object>>) process.get("dpv:hasLegalBasis")).stream().map(b -> (String) b.get("@id")).toList();
    }

    /** "3 years" -> "3 ans", "1 year" -> "1 an", "12 months" -> "12 mois". */
    private static String french(String period) {
        if (period.startsWith("until")) {
            return "désabonnement";
        }
        String[] parts = period.split(" ");
        return parts[0] + (parts[1].startsWith("year") ? (parts[0].equals("1") ? " an" : " ans") : " mois");
    }

    /** The words, not part of longer ones ("1 an" is not in "11 ans"). */
    private static Pattern word(String words) {
        return Pattern.compile("(?<![0-9\\p{L}])" + Pattern.quote(normalise(words)) + "(?![\\p{L}])");
    }
}
