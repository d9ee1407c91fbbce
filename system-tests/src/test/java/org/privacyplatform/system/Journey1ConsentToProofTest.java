package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.ALICE;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.as;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Journey 1: consent to proof. */
class Journey1ConsentToProofTest {

    @Test
    void aliceGrantsAndWithdrawsAndTheAuditLogProvesBoth() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        // whatever state a previous run left, start from "not subscribed"
        Platform.decide("alice", ALICE, "newsletter", false);

        Platform.decide("alice", ALICE, "newsletter", true);
        assertThat(Platform.decision(ALICE, "newsletter").allowed()).as("step 1: decision after alice's grant").isTrue();

        Platform.decide("alice", ALICE, "newsletter", false);
        long withdrawnAt = System.nanoTime();
        Platform.ConsentDecision refused = Platform.decision(ALICE, "newsletter");
        long elapsedMillis = (System.nanoTime() - withdrawnAt) / 1_000_000;
        assertThat(refused.allowed()).as("step 2: decision right after the withdrawal").isFalse();
        assertThat(refused.reason()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(elapsedMillis).as("step 2: the refusal came within a second").isLessThan(1000);

        // step 3: both events in the audit log, proven against a signed checkpoint with the published key
        String granted = latestSince(ALICE, "ConsentGranted", start);
        String withdrawn = latestSince(ALICE, "ConsentWithdrawn", start);
        JsonPath checkpoint = as("audrey").when().get(AUDIT + "/audit/checkpoint").then().statusCode(200).extract().jsonPath();
        JsonPath key = RestAssured.given().when().get(AUDIT + "/audit/public-key").then().statusCode(200).extract().jsonPath();
        byte[] rawKey = Base64.getDecoder().decode(key.getString("publicKey"));
        String body = SignedNote.verify(checkpoint.getString("note"), checkpoint.getString("origin"), rawKey);
        long size = checkpoint.getLong("treeSize");
        byte[] root = MerkleHashes.fromHex(checkpoint.getString("rootHash"));
        assertThat(body).as("step 3: the checkpoint's signed body").isEqualTo(SignedNote.checkpointBody(
                checkpoint.getString("origin"), size, root));
        // and cosigned (C2SP cosignature/v1) by every witness the service names: ./platform up runs one
        List<Map<String, String>> witnesses = RestAssured.given().when().get(AUDIT + "/audit/witnesses").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(witnesses).as("step 3: the local run's witnesses").isNotEmpty();
        for (Map<String, String> witness : witnesses) {
            assertThat(org.privacyplatform.audit.checkpoint.Cosignature.verify(checkpoint.getString("note"),
                    witness.get("name"), Base64.getDecoder().decode(witness.get("publicKey"))))
                    .as("step 3: the checkpoint is cosigned by witness %s", witness.get("name")).isNotEmpty();
        }

        for (String eventId : List.of(granted, withdrawn)) {
            JsonPath event = as("audrey").when().get(AUDIT + "/audit/events/{id}", eventId).then().statusCode(200).extract()
                    .jsonPath();
            byte[] leafHash = MerkleHashes.leafHash(event.getString("canonical").getBytes(StandardCharsets.UTF_8));
            JsonPath proof = as("audrey").queryParam("treeSize", size).when().get(AUDIT + "/audit/proofs/inclusion/{id}", eventId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(MerkleVerifier.verifyInclusion(proof.getLong("leafIndex"), size, leafHash,
                    proof.getList("auditPath", String.class).stream().map(MerkleHashes::fromHex).toList(), root))
                    .as("step 3: inclusion proof of %s (%s)", eventId, event.getString("event.type")).isTrue();
        }
    }

    /** The id of the subject's latest event of this type since {@code since}, once the audit log has it. */
    static String latestSince(String subjectId, String type, OffsetDateTime since) {
        return Platform.eventually().until(() -> {
            List<Map<String, Object>> events = Platform.auditEvents(subjectId, type);
            return events.stream().filter(e -> OffsetDateTime.parse((String) ((Map<?, ?>) e.get("event")).get("time"))
                    .isAfter(since)).reduce((a, b) -> b).map(e -> (String) ((Map<?, ?>) e.get("event")).get("id"));
        }, java.util.Optional::isPresent).orElseThrow();
    }
}
