package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Checkpoints, inclusion and consistency proofs and evidence bundles, checked the way an auditor's code would. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProofsTest {

    private static EventProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new EventProbe(Topics.RETENTION);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theCheckpointIsASignedNoteOverTheTreeHeadThatThePublishedKeyVerifies() throws Exception {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        JsonPath checkpoint = AuditApi.checkpoint();
        JsonPath key = given().when().get("/audit/public-key").then().statusCode(200).extract().jsonPath();

        long size = checkpoint.getLong("treeSize");
        String rootHex = checkpoint.getString("rootHash");
        String body = checkpoint.getString("origin") + "\n" + size + "\n"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(rootHex)) + "\n";
        assertThat(checkpoint.getString("note")).startsWith(body + "\n\u2014 " + checkpoint.getString("origin") + " ");
        assertThat(checkpoint.getString("keyId")).isEqualTo(key.getString("keyId"));

        // independent check with the JDK: Ed25519 over the body bytes with the raw 32-byte key
        byte[] raw = Base64.getDecoder().decode(key.getString("publicKey"));
        byte[] x509 = concat(HexFormat.of().parseHex("302a300506032b6570032100"), raw);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        verifier.update(body.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(checkpoint.getString("signature")))).isTrue();
    }

    @Test
    void everyInclusionProofAndTheConsistencyProofBetweenCheckpointsVerify() {
        String subject = AuditApi.subject();
        List<String> ids = new ArrayList<>();
        ids.add(AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject));
        ids.add(AuditApi.publishAndAwait(kafka, Topics.RIGHTS, "ProcessingRestricted", subject));
        JsonPath first = AuditApi.checkpoint();
        ids.add(AuditApi.publishAndAwait(kafka, Topics.RETENTION, "RetentionExpired", subject));
        ids.add(AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject));
        JsonPath second = AuditApi.checkpoint();
        long size = second.getLong("treeSize");
        byte[] root = MerkleHashes.fromHex(second.getString("rootHash"));

        for (String id : ids) {
            JsonPath proof = given().auth().oauth2(TestTokens.auditor()).queryParam("treeSize", size).when()
                    .get("/audit/proofs/inclusion/{id}", id).then().statusCode(200).extract().jsonPath();
            byte[] leafHash = MerkleHashes.fromHex(given().auth().oauth2(TestTokens.auditor()).when()
                    .get("/audit/events/{id}", id).then().extract().jsonPath().getString("leafHash"));
            assertThat(proof.getString("rootHash")).isEqualTo(second.getString("rootHash"));
            assertThat(MerkleVerifier.verifyInclusion(proof.getLong("leafIndex"), size, leafHash,
                    hashes(proof.getList("auditPath", String.class)), root)).as("inclusion of %s", id).isTrue();
        }

        JsonPath consistency = given().auth().oauth2(TestTokens.auditor()).queryParam("from", first.getLong("treeSize"))
                .queryParam("to", size).when().get("/audit/proofs/consistency").then().statusCode(200).extract().jsonPath();
        assertThat(consistency.getString("fromRoot")).isEqualTo(first.getString("rootHash"));
        assertThat(MerkleVerifier.verifyConsistency(first.getLong("treeSize"), size,
                MerkleHashes.fromHex(first.getString("rootHash")), root,
                hashes(consistency.getList("proof", String.class)))).isTrue();
    }

    @Test
    void theEvidenceBundleOfASubjectChecksOfflineAndHoldsNoOneElse() {
        String subject = AuditApi.subject();
        String other = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", other);
        AuditApi.publishAndAwait(kafka, Topics.RIGHTS, "ErasureRequested", subject);

        JsonPath bundle = given().auth().oauth2(TestTokens.dpo()).when().get("/audit/subjects/{s}/evidence", subject)
                .then().statusCode(200).extract().jsonPath();
        long size = bundle.getLong("checkpoint.treeSize");
        byte[] root = MerkleHashes.fromHex(bundle.getString("checkpoint.rootHash"));
        List<java.util.Map<String, Object>> events = bundle.getList("events");
        assertThat(events).hasSize(2);
        for (var event : events) {
            String canonical = (String) event.get("canonical");
            assertThat(canonical).contains(subject).doesNotContain(other);
            byte[] leafHash = MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            List<String> path = (List<String>) event.get("auditPath");
            assertThat(MerkleVerifier.verifyInclusion(((Number) event.get("leafIndex")).longValue(), size, leafHash,
                    hashes(path), root)).isTrue();
        }
        assertThat(org.privacyplatform.audit.checkpoint.SignedNote.verify(bundle.getString("checkpoint.note"),
                bundle.getString("publicKey.origin"), Base64.getDecoder().decode(bundle.getString("publicKey.publicKey"))))
                .startsWith(bundle.getString("checkpoint.origin"));
    }

    @Test
    void badProofRequestsAre400Or404() {
        String id = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", AuditApi.subject());
        String token = TestTokens.auditor();
        given().auth().oauth2(token).queryParam("treeSize", 0).when().get("/audit/proofs/inclusion/{id}", id)
                .then().statusCode(400).contentType(AuditApi.PROBLEM).body("errors.field", hasItem("treeSize"));
        given().auth().oauth2(token).queryParam("treeSize", Long.MAX_VALUE).when().get("/audit/proofs/inclusion/{id}", id)
                .then().statusCode(400);
        given().auth().oauth2(token).queryParam("treeSize", "big").when().get("/audit/proofs/inclusion/{id}", id)
                .then().statusCode(400).contentType(AuditApi.PROBLEM);
        given().auth().oauth2(token).when().get("/audit/proofs/inclusion/{id}", "unknown-event").then().statusCode(404);
        given().auth().oauth2(token).queryParam("from", 3).queryParam("to", 2).when().get("/audit/proofs/consistency")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(token).queryParam("to", 2).when().get("/audit/proofs/consistency")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(token).when().get("/audit/proofs/consistency").then().statusCode(400)
                .body("title", equalTo("Bad Request"));
    }

    private static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(MerkleHashes::fromHex).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
