package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The notice as the tests read it. */
final class NoticeApi {

    static final String MARKDOWN = "text/markdown";
    static final String JSON_LD = "application/ld+json";

    private NoticeApi() {
    }

    static Response notice(String accept, String language) {
        return given().accept(accept).header("Accept-Language", language).when().get("/notice");
    }

    static int currentVersion() {
        return Integer.parseInt(notice(MARKDOWN, "en").then().statusCode(200).extract().header("Notice-Version"));
    }

    static JsonPath jsonLd(String language) {
        return notice(JSON_LD, language).then().statusCode(200).extract().jsonPath();
    }

    /** The visible text of an HTML page: tags dropped, entities decoded, white space collapsed. */
    static String visibleText(String html) {
        return normalise(html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&"));
    }

    /** Lower case, typographic apostrophes as plain ones, one space between words, no trailing punctuation. */
    static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip()
                .replaceAll("[;.,:]+$", "").toLowerCase(java.util.Locale.ROOT);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
