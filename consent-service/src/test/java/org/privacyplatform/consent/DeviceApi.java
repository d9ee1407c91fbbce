package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.privacyplatform.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The device endpoints (the consent banner) as the tests call them. */
final class DeviceApi {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceApi() {
    }

    /** A new device id as a banner makes one: 16 random bytes, base64url without padding (22 characters). */
    static String newDevice() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The same id spelled in hex (32 characters). */
    static String hex(String base64url) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(base64url));
    }

    static String body(boolean granted) {
        return "{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"web\"}";
    }

    static ValidatableResponse put(String deviceId, String purposeId, boolean granted) {
        return send(given(), deviceId, purposeId, body(granted));
    }

    /** A choice made while the browser sends Global Privacy Control ({@code Sec-GPC: 1}). */
    static ValidatableResponse putWithGpc(String deviceId, String purposeId, boolean granted) {
        return send(given().header("Sec-GPC", "1"), deviceId, purposeId, body(granted));
    }

    static ValidatableResponse send(RequestSpecification request, String deviceId, String purposeId, String body) {
        return request.contentType(ContentType.JSON).body(body).when()
                .put("/devices/{d}/consents/{p}", deviceId, purposeId).then();
    }

    static ValidatableResponse get(String deviceId) {
        return given().when().get("/devices/{d}/consents", deviceId).then();
    }

    static ValidatableResponse join(String token, String subjectId, String deviceId) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        return request.when().post("/subjects/{s}/devices/{d}", subjectId, deviceId).then();
    }

    /** A consent purpose a visitor decides before login and that is direct marketing (advertising cookies). */
    static String newMarketingCookiesPurpose() {
        String id = "ads-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"name\":\"Advertising cookies\",\"description\":\"Cookies of advertising partners.\","
                        + "\"legalBasis\":\"CONSENT\",\"directMarketing\":true,\"deviceEligible\":true,"
                        + "\"notice\":{\"version\":\"1.0\",\"text\":\"Advertising cookies.\"}}")
                .when().put("/purposes/{p}", id).then().statusCode(201);
        return id;
    }
}
