package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;
import org.privacyplatform.audit.verifier.AuditVerifier;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The audit log forgets a person and stays verifiable: no subject id in clear at rest, sealing when the erasure
 * completes, crypto-shredding when the evidence period ends, and every proof still verifying afterwards.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ErasableEvidenceTest {

    private static final String EXPORT_SYSTEM = TestTokens.RIGHTS_REQUEST_SERVICE;

    private static EventProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new EventProbe(Topics.deadLetter(Topics.RETENTION));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void noTextColumnOfTheAuditDatabaseHoldsTheSubjectIdAfterAppend() throws SQLException {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        AuditApi.publishAndAwait(kafka, Topics.RIGHTS, "ErasureRequested", subject);
        AuditApi.publishAndAwait(kafka, Topics.RETENTION, "RetentionExpired", subject);

        assertThat(columnsHolding(subject)).isEmpty();
        // and yet the auditor finds the subject's events, through the pseudonym
        given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject).when().get("/audit/events").then()
                .statusCode(200).body("items.event.subject", equalTo(List.of(subject, subject, subject)));
        assertThat(columnsHolding(pseudonym(subject))).contains("subject_leaf.subject_pseudonym", "data_key.key_ref");
    }

    @Test
    void whenTheErasureCompletesTheSubjectsEventsAreSealedFromAServiceAndServedToTheDpoAndAuditors() {
        String subject = AuditApi.subject();
        String consent = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        String export = TestTokens.service(EXPORT_SYSTEM);
        given().auth().oauth2(export).queryParam("subjectId", subject).when().get("/audit/events").then().statusCode(200)
                .body("items.event.id", hasItem(consent)).body("$", not(hasKey("sealedThrough")));

        // an access request completing does not seal; an erasure that completed only partly does
        awaitLeaf(kafka.send(Topics.RIGHTS, "RequestCompleted", subject, requestCompleted(subject, "ACCESS", "COMPLETED")));
        given().auth().oauth2(export).queryParam("subjectId", subject).when().get("/audit/events").then().statusCode(200)
                .body("items.event.id", hasItem(consent));
        String erased = kafka.send(Topics.RIGHTS, "RequestCompleted", subject,
                requestCompleted(subject, "ERASURE", "PARTIALLY_COMPLETED"));
        awaitLeaf(erased);
        long seal = leafIndexOf(erased);

        given().auth().oauth2(export).queryParam("subjectId", subject).when().get("/audit/events").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("sealedThrough", equalTo((int) seal))
                .body(not(containsString(consent)));
        given().auth().oauth2(export).when().get("/audit/subjects/{s}/evidence", subject).then().statusCode(200)
                .body("events", org.hamcrest.Matchers.empty()).body("sealedThrough", equalTo((int) seal))
                .body(not(containsString(consent)));
        for (String token : new String[] { TestTokens.dpo(), TestTokens.auditor() }) {
            given().auth().oauth2(token).queryParam("subjectId", subject).when().get("/audit/events").then()
                    .statusCode(200).body("items.event.id", hasItem(consent)).body("$", not(hasKey("sealedThrough")));
            given().auth().oauth2(token).when().get("/audit/subjects/{s}/evidence", subject).then().statusCode(200)
                    .body("events.eventId", hasItem(consent)).body("$", not(hasKey("sealedThrough")));
        }
        // another subject is not sealed by it
        String other = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", other);
        given().auth().oauth2(export).queryParam("subjectId", other).when().get("/audit/events").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("$", not(hasKey("sealedThrough")));

        // the subject comes back (the identity provider kept the id): what follows the erasure is theirs to read
        String again = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        given().auth().oauth2(export).queryParam("subjectId", subject).when().get("/audit/events").then().statusCode(200)
                .body("items.event.id", equalTo(List.of(again))).body("sealedThrough", equalTo((int) seal));
        given().auth().oauth2(export).when().get("/audit/subjects/{s}/evidence", subject).then().statusCode(200)
                .body("events.eventId", equalTo(List.of(again)));
        // and a second erasure seals that too, up to its own leaf
        String erasedAgain = kafka.send(Topics.RIGHTS, "RequestCompleted", subject,
                requestCompleted(subject, "ERASURE", "COMPLETED"));
        awaitLeaf(erasedAgain);
        given().auth().oauth2(export).queryParam("subjectId", subject).when().get("/audit/events").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("sealedThrough", equalTo((int) leafIndexOf(erasedAgain)));
        given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject).when().get("/audit/events").then()
                .statusCode(200).body("items.event.id", hasItem(consent)).body("items.event.id", hasItem(again));
    }

    private static long leafIndexOf(String eventId) {
        return given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", eventId).then().statusCode(200)
                .extract().jsonPath().getLong("leafIndex");
    }

    @Test
    void whenTheEvidencePeriodEndsTheSubjectsEvidenceIsShreddedAndEveryProofStillVerifies() throws Exception {
        String subject = AuditApi.subject();
        String neighbour = AuditApi.subject();
        List<String> own = new ArrayList<>();
        own.add(AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject));
        String before = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", neighbour);
        own.add(AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject));
        String erasure = kafka.send(Topics.RIGHTS, "RequestCompleted", subject, requestCompleted(subject, "ERASURE", "COMPLETED"));
        awaitLeaf(erasure);
        own.add(erasure);
        String after = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", neighbour);
        JsonPath earlier = AuditApi.checkpoint();
        String bundleBefore = given().auth().oauth2(TestTokens.dpo()).when().get("/audit/subjects/{s}/evidence", subject)
                .then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(bundleBefore).getList("events.eventId", String.class)).containsExactlyElementsOf(own);
        List<String> hashes = new ArrayList<>();
        for (String id : own) {
            hashes.add(given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", id).then().extract()
                    .jsonPath().getString("leafHash"));
        }

        // the retention service's sweep: the audit-evidence holding of the pseudonym fell due
        String p = pseudonym(subject);
        String expiry = kafka.send(Topics.RETENTION, "RetentionExpired", p, evidenceExpired(p));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.dpo())
                .queryParam("subjectId", subject).when().get("/audit/events").then().extract().jsonPath()
                .getList("items.event.type", String.class).equals(List.of("EvidenceShredded")));

        // looked up by the subject's id (through the pseudonym), only EvidenceShredded is left
        JsonPath found = given().auth().oauth2(TestTokens.dpo()).queryParam("subjectId", subject).when().get("/audit/events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getString("items[0].event.subject")).isEqualTo(p);
        assertThat(found.getString("items[0].event.source")).isEqualTo("/audit-service");
        assertThat(found.getString("items[0].event.data.subjectPseudonym")).isEqualTo(p);
        // the subject's three events and the RetentionExpired about the pseudonym
        assertThat(found.getInt("items[0].event.data.leaves")).isEqualTo(4);
        assertThat(found.getString("items[0].event.auditsalt")).matches("[A-Za-z0-9_-]{22}");
        for (int i = 0; i < own.size(); i++) {
            given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", own.get(i)).then().statusCode(200)
                    .body("shredded", equalTo(true)).body("leafHash", equalTo(hashes.get(i))).body("$", not(hasKey("canonical")))
                    .body("$", not(hasKey("event")));
        }
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", expiry).then().body("shredded", equalTo(true));
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", before).then().statusCode(200)
                .body("event.subject", equalTo(neighbour));
        assertThat(columnsHolding(subject)).isEmpty();

        // every proof still verifies: the shredded leaves by their hashes, their neighbours, and the log's history
        JsonPath later = AuditApi.checkpoint();
        long size = later.getLong("treeSize");
        byte[] root = MerkleHashes.fromHex(later.getString("rootHash"));
        List<String> proven = new ArrayList<>(own);
        proven.add(before);
        proven.add(after);
        for (String id : proven) {
            JsonPath proof = given().auth().oauth2(TestTokens.auditor()).queryParam("treeSize", size).when()
                    .get("/audit/proofs/inclusion/{id}", id).then().statusCode(200).extract().jsonPath();
            byte[] leafHash = MerkleHashes.fromHex(given().auth().oauth2(TestTokens.auditor()).when()
                    .get("/audit/events/{id}", id).then().extract().jsonPath().getString("leafHash"));
            assertThat(MerkleVerifier.verifyInclusion(proof.getLong("leafIndex"), size, leafHash,
                    proof.getList("auditPath", String.class).stream().map(MerkleHashes::fromHex).toList(), root))
                    .as("inclusion of %s", id).isTrue();
        }
        JsonPath consistency = given().auth().oauth2(TestTokens.auditor()).queryParam("from", earlier.getLong("treeSize"))
                .queryParam("to", size).when().get("/audit/proofs/consistency").then().statusCode(200).extract().jsonPath();
        assertThat(MerkleVerifier.verifyConsistency(earlier.getLong("treeSize"), size,
                MerkleHashes.fromHex(earlier.getString("rootHash")), root,
                consistency.getList("proof", String.class).stream().map(MerkleHashes::fromHex).toList())).isTrue();
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstMismatch", equalTo(null)).body("shreddedLeaves", greaterThan(3));

        // the offline verifier accepts the bundle fetched before the shredding, and the one fetched after
        String key = given().when().get("/audit/public-key").then().extract().jsonPath().getString("publicKey");
        assertThat(verifyOffline(key, bundleBefore)).as("the bundle fetched before").contains("valid");
        String bundleAfter = given().auth().oauth2(TestTokens.dpo()).when().get("/audit/subjects/{s}/evidence", subject)
                .then().statusCode(200).body("subjectPseudonym", equalTo(p)).extract().asString();
        assertThat(JsonPath.from(bundleAfter).getList("events.canonical", String.class)).singleElement()
                .satisfies(c -> assertThat(c).contains("EvidenceShredded").doesNotContain(subject));
        assertThat(verifyOffline(key, bundleAfter)).as("the bundle fetched after").contains("valid");

    }

    @Test
    void theTextOfALeafAppendedBeforeEncryptionMovesIntoTheEncryptedStoreOnceAndKeepsItsHash() throws Exception {
        String subject = AuditApi.subject();
        String old = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        JsonPath before = given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", old).then()
                .extract().jsonPath();
        // what V2__leaf_text_encrypted leaves behind for a leaf appended before: its clear text staged, no ciphertext
        var config = ConfigProvider.getConfig();
        try (Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class))) {
            long index = before.getLong("leafIndex");
            owner.createStatement().execute("delete from subject_leaf where leaf_index = " + index);
            owner.createStatement().execute("delete from leaf_text where leaf_index = " + index);
            try (var insert = owner.prepareStatement(
                    "insert into leaf_text_staged (leaf_index, subject_id, canonical) values (?, ?, ?)")) {
                insert.setLong(1, index);
                insert.setString(2, subject);
                insert.setString(3, before.getString("canonical"));
                insert.executeUpdate();
            }
        }
        // staged, it is still read and verified
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", old).then()
                .body("canonical", equalTo(before.getString("canonical")));
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().body("valid", equalTo(true));

        assertThat(migration.encryptStaged()).isEqualTo(1);
        assertThat(migration.encryptStaged()).as("once").isZero();

        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", old).then().statusCode(200)
                .body("canonical", equalTo(before.getString("canonical")))
                .body("leafHash", equalTo(before.getString("leafHash")));
        given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject).when().get("/audit/events").then()
                .body("items.event.id", equalTo(List.of(old)));
        JsonPath recorded = given().auth().oauth2(TestTokens.auditor()).queryParam("type", "LogTextEncrypted")
                .queryParam("size", 500).when().get("/audit/events").then().statusCode(200).extract().jsonPath();
        List<Integer> firsts = recorded.getList("items.event.data.firstLeaf", Integer.class);
        assertThat(firsts).contains(before.getInt("leafIndex"));
        assertThat(recorded.getList("items.event.source", String.class)).containsOnly("/audit-service");
        assertThat(columnsHolding(subject)).isEmpty();
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().body("valid", equalTo(true));
    }

    @jakarta.inject.Inject
    org.privacyplatform.audit.service.LogTextMigration migration;

    /** The offline verifier's output for a bundle; asserts it exits valid. */
    private static String verifyOffline(String publicKey, String bundle) throws Exception {
        Path file = Files.createTempFile("bundle", ".json");
        Files.writeString(file, bundle);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] { "--public-key", publicKey, file.toString() },
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isEqualTo(AuditVerifier.VALID);
        return report;
    }

    private static void awaitLeaf(String eventId) {
        AuditApi.awaitLeaf(eventId);
    }

    private static String pseudonym(String subjectId) {
        return new Pseudonyms(ConfigProvider.getConfig().getValue("privacy.pseudonym.key", String.class)).of(subjectId);
    }

    static String requestCompleted(String subject, String type, String status) {
        return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\"" + subject + "\",\"type\":\"" + type
                + "\",\"status\":\"" + status + "\",\"at\":\"" + CloudEvent.formatTime(OffsetDateTime.now())
                + "\",\"dueAt\":null,\"note\":\"" + status + "\"}";
    }

    /** What the retention service's sweep emits when the audit-evidence holding of a pseudonym falls due. */
    static String evidenceExpired(String pseudonym) {
        return "{\"holdingId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\"" + pseudonym
                + "\",\"category\":\"audit-evidence\",\"system\":\"audit-service\",\"reference\":null,"
                + "\"ruleId\":\"audit-evidence\",\"ruleVersion\":1,\"anchorDate\":\"2026-01-05\","
                + "\"dueOn\":\"2026-01-05\",\"expiredAt\":\"" + CloudEvent.formatTime(OffsetDateTime.now()) + "\"}";
    }

    /** Every text column of every table of the audit database that holds {@code value}, as table.column. */
    private static List<String> columnsHolding(String value) throws SQLException {
        List<String> found = new ArrayList<>();
        var config = ConfigProvider.getConfig();
        try (Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class))) {
            List<String[]> columns = new ArrayList<>();
            try (var rows = owner.createStatement().executeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""")) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            assertThat(columns).as("the text columns scanned").isNotEmpty();
            for (String[] column : columns) {
                try (var select = owner.prepareStatement("select count(*) from \"" + column[0] + "\" where \"" + column[1]
                        + "\"::text like '%' || ? || '%'")) {
                    select.setString(1, value);
                    try (var rows = select.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }
}
