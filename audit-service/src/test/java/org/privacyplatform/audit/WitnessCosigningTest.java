package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.witness.testing.WitnessProcess;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** The audit service with a real witness process: a checkpoint is published only once the witness cosigned it. */
@QuarkusTest
@TestProfile(WitnessTestResource.Witnessed.class)
@WithTestResource(OidcWiremockTestResource.class)
class WitnessCosigningTest {

    private static final byte[] WITNESS_KEY = Base64.getDecoder().decode(WitnessTestResource.PUBLIC_KEY);

    @WitnessTestResource.Witness
    WitnessProcess witness;

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
    void eachCheckpointIsPublishedWithTheWitnessCosignatureAndADownWitnessOnlyDelaysIt() {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);

        JsonPath first = AuditApi.checkpoint();

        long firstSize = first.getLong("treeSize");
        assertThat(firstSize).isGreaterThanOrEqualTo(2);
        assertCosigned(first);

        // the log grows: the next checkpoint goes to the witness with a consistency proof from the first
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        JsonPath second = AuditApi.checkpoint();
        assertThat(second.getLong("treeSize")).isGreaterThan(firstSize);
        assertCosigned(second);

        // the witness is down: the log goes on, and the checkpoint published stays the last cosigned one
        witness.stop();
        String late = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);
        JsonPath whileDown = AuditApi.checkpoint();
        assertThat(whileDown.getLong("treeSize")).isEqualTo(second.getLong("treeSize"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", late).then().statusCode(200);

        // back up: the new checkpoint is cosigned and published
        witness.restart();
        JsonPath after = AuditApi.checkpoint();
        assertThat(after.getLong("treeSize")).isGreaterThan(second.getLong("treeSize"));
        assertCosigned(after);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'witness cosigning' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'witness cosigning' }.data.quorum", equalTo(1));
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("audit_witness_cosigned_checkpoint_age_seconds");
        // and verify is clean against the witness's latest checkpoint
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void anEvidenceBundleCarriesTheCosignedNoteAndTheOfflineVerifierChecksTheQuorum() throws Exception {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        String bundle = given().auth().oauth2(TestTokens.auditor()).when().get("/audit/subjects/{s}/evidence", subject).then()
                .statusCode(200).extract().asString();
        java.nio.file.Path file = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "bundle", ".json");
        java.nio.file.Files.writeString(file, bundle);
        String pinned = WitnessTestResource.NAME + "=" + WitnessTestResource.PUBLIC_KEY;
        String logKey = "Wp1TmwAD07PQ5AFZTdeJ2Hl5W5c7owZCNXL9L1kqSp8=";

        assertThat(verify("--public-key", logKey, "--witness", pinned, file.toString())).startsWith("0 ")
                .contains("cosigned by 1 of the 1 pinned witnesses");
        // a second pinned witness that never cosigned: below the default quorum (all), the bundle is refused
        String other = "other.example/witness="
                + org.privacyplatform.audit.checkpoint.Ed25519Keys.generate().base64Public();
        assertThat(verify("--public-key", logKey, "--witness", pinned, "--witness", other, file.toString()))
                .startsWith("1 ").contains("FAIL checkpoint: cosigned by 1 of the 2 pinned witnesses, below the quorum of 2");
    }

    private static String verify(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        int status = org.privacyplatform.audit.verifier.AuditVerifier.run(args, java.io.InputStream.nullInputStream(),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
        return status + " " + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theWitnessesArePublic() {
        given().when().get("/audit/witnesses").then().statusCode(200)
                .body("name", equalTo(List.of(WitnessTestResource.NAME)))
                .body("url", equalTo(List.of(witness.url())))
                .body("publicKey", equalTo(List.of(WitnessTestResource.PUBLIC_KEY)));
        given().when().get("/audit/public-key").then().statusCode(200)
                .body("verifierKey", equalTo("privacy-platform.local/audit+9064de8e+AVqdU5sAA9Oz0OQBWU3Xidh5eVuXO6MGQjVy/S9ZKkqf"));
    }

    /** The JSON lists the cosignature; the note carries its line, which verifies against the witness's key. */
    private static void assertCosigned(JsonPath checkpoint) {
        String note = checkpoint.getString("note");
        List<Map<String, Object>> cosignatures = checkpoint.getList("cosignatures");
        assertThat(cosignatures).singleElement().satisfies(c -> {
            assertThat(c.get("witness")).isEqualTo(WitnessTestResource.NAME);
            assertThat(c.get("keyId")).isEqualTo(Cosignature.keyId(WitnessTestResource.NAME, WITNESS_KEY));
        });
        List<Cosignature.Verified> verified = Cosignature.verify(note, WitnessTestResource.NAME, WITNESS_KEY);
        assertThat(verified).singleElement().satisfies(v -> {
            assertThat(v.signature()).isEqualTo(cosignatures.get(0).get("signature"));
            assertThat(v.timestamp()).isEqualTo(((Number) cosignatures.get(0).get("timestamp")).longValue());
        });
        // the log's own signature is still there
        SignedNote.verify(note, checkpoint.getString("origin"),
                Base64.getDecoder().decode("Wp1TmwAD07PQ5AFZTdeJ2Hl5W5c7owZCNXL9L1kqSp8="));
    }
}
