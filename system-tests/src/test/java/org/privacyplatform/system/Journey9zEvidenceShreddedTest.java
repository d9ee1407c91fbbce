package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.CONSENT;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;
import org.privacyplatform.audit.verifier.AuditVerifier;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The audit log forgets a person and stays verifiable: a subject is erased with the evidence period set to
 * nothing, the sweep runs, and their evidence is shredded. Afterwards no text column of any table in the four
 * databases holds their id, and every proof still verifies. Runs after the erasure journey (it sets the recipients).
 */
class Journey9zEvidenceShreddedTest {

    /** Each service's database, as its owner (LOCAL DEVELOPMENT logins: the password is the login). */
    private static final Map<String, String> DATABASES = Map.of("consent", "consent", "rights_request", "rights_request",
            "retention", "retention", "audit", "audit_owner");

    @Test
    void anErasedSubjectsEvidenceIsShreddedAndNothingOfTheirIdIsLeftWhileTheLogStillVerifies() throws Exception {
        String subject = "shred-" + UUID.randomUUID();
        JsonPath rule = RestAssured.given().when().get(RETENTION + "/policies/audit-evidence").then().statusCode(200)
                .extract().jsonPath();
        String originalPeriod = rule.getString("period");
        setEvidencePeriod(rule, "P0D");
        try {
            as("dora").body("""
                    [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                     {"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"}]""")
                    .when().put(RIGHTS + "/recipients").then().statusCode(200);
            as("service:crm").body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                    .put(CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
            String granted = Journey1ConsentToProofTest.latestSince(subject, "ConsentGranted",
                    java.time.OffsetDateTime.now().minusMinutes(1));

            String request = as("dora").body("{\"subjectId\":\"" + subject + "\",\"type\":\"ERASURE\"}").when()
                    .post(RIGHTS + "/requests").then().statusCode(201).extract().path("id");
            as("dora").when().post(RIGHTS + "/requests/{id}/verify-identity", request).then().statusCode(200);
            Platform.eventually().untilAsserted(() -> as("dora").when().get(RIGHTS + "/requests/{id}", request).then()
                    .body("status", anyOf(equalTo("COMPLETED"), equalTo("PARTIALLY_COMPLETED"))));

            // sealed: the service that assembles access exports reads nothing of what preceded the erasure; the dpo and
            // the auditor read it all; a bundle fetched now
            Platform.eventually().untilAsserted(() -> as("service:rights-request-service").queryParam("subjectId", subject)
                    .when().get(AUDIT + "/audit/events").then().statusCode(200)
                    .body("sealedThrough", org.hamcrest.Matchers.notNullValue()).body("items", org.hamcrest.Matchers.empty()));
            assertThat(Platform.auditEvents(subject, "ConsentGranted")).isNotEmpty();
            String before = as("audrey").when().get(AUDIT + "/audit/subjects/{s}/evidence", subject).then().statusCode(200)
                    .extract().asString();

            // the evidence period (nothing) ends at the next sweep
            Platform.eventually().untilAsserted(() -> as("dora").when().get(RETENTION + "/subjects/{s}/retained", subject)
                    .then().statusCode(200).body("category", org.hamcrest.Matchers.hasItem("audit-evidence")));
            as("dora").when().post(RETENTION + "/sweeps").then().statusCode(200);
            Platform.eventually().untilAsserted(() -> as("audrey").when().get(AUDIT + "/audit/events/{id}", granted).then()
                    .statusCode(200).body("shredded", equalTo(true)));

            // the pseudonym finds only EvidenceShredded
            List<Map<String, Object>> left = as("audrey").queryParam("subjectId", subject).queryParam("size", 500).when()
                    .get(AUDIT + "/audit/events").then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(left.stream().map(e -> String.valueOf(((Map<?, ?>) e.get("event")).get("type"))).toList())
                    .containsOnly("EvidenceShredded");

            // proofs still verify: the shredded leaf by its stored hash, against a fresh cosigned checkpoint
            JsonPath checkpoint = as("audrey").when().get(AUDIT + "/audit/checkpoint").then().statusCode(200).extract()
                    .jsonPath();
            long size = checkpoint.getLong("treeSize");
            JsonPath shredded = as("audrey").when().get(AUDIT + "/audit/events/{id}", granted).then().extract().jsonPath();
            JsonPath proof = as("audrey").queryParam("treeSize", size).when()
                    .get(AUDIT + "/audit/proofs/inclusion/{id}", granted).then().statusCode(200).extract().jsonPath();
            assertThat(MerkleVerifier.verifyInclusion(proof.getLong("leafIndex"), size,
                    MerkleHashes.fromHex(shredded.getString("leafHash")),
                    proof.getList("auditPath", String.class).stream().map(MerkleHashes::fromHex).toList(),
                    MerkleHashes.fromHex(checkpoint.getString("rootHash")))).isTrue();
            as("audrey").when().post(AUDIT + "/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                    .body("shreddedLeaves", org.hamcrest.Matchers.greaterThan(0));

            // the offline verifier accepts the bundle fetched before and one fetched after, with the pinned key
            String key = Base64.getEncoder().encodeToString(Base64.getDecoder().decode(RestAssured.given().when()
                    .get(AUDIT + "/audit/public-key").then().extract().jsonPath().getString("publicKey")));
            String after = as("audrey").when().get(AUDIT + "/audit/subjects/{s}/evidence", subject).then().statusCode(200)
                    .extract().asString();
            for (String bundle : List.of(before, after)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int status = AuditVerifier.run(new String[] { "--public-key", key, "-" },
                        new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), new PrintStream(out), new PrintStream(out));
                assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(AuditVerifier.VALID);
            }

            // no text column of any table of the four databases holds the id (the outbox and inbox once purged:
            // ./platform test runs the platform with a purge horizon of seconds)
            Platform.eventually().atMost(Duration.ofSeconds(120)).untilAsserted(
                    () -> assertThat(textColumnsHolding(subject)).as("text columns still holding the subject id").isEmpty());
        } finally {
            setEvidencePeriod(rule, originalPeriod);
        }
    }

    private static void setEvidencePeriod(JsonPath rule, String period) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (String field : List.of("category", "description", "anchor", "endAction", "archivePeriod", "consentPurpose",
                "statutory", "ground")) {
            body.put(field, rule.get(field));
        }
        body.put("period", period);
        as("dora").body(body).when().put(RETENTION + "/policies/audit-evidence").then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** "database.table.column" of every text-like column holding the value. */
    private static List<String> textColumnsHolding(String value) throws SQLException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> db : DATABASES.entrySet()) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db.getKey(),
                    db.getValue(), db.getValue())) {
                List<String[]> columns = new ArrayList<>();
                try (ResultSet rows = connection.createStatement().executeQuery("""
                        select table_schema, table_name, column_name from information_schema.columns
                        where table_schema not in ('pg_catalog', 'information_schema')
                          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""")) {
                    while (rows.next()) {
                        columns.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
                    }
                }
                for (String[] c : columns) {
                    String sql = "select count(*) from \"" + c[0] + "\".\"" + c[1] + "\" where \"" + c[2]
                            + "\"::text like '%' || ? || '%'";
                    try (PreparedStatement count = connection.prepareStatement(sql)) {
                        count.setString(1, value);
                        try (ResultSet n = count.executeQuery()) {
                            n.next();
                            if (n.getLong(1) > 0) {
                                found.add(db.getKey() + "." + c[1] + "." + c[2]);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
