package org.privacyplatform.witness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.privacyplatform.witness.SpecFixtures.body;
import static org.privacyplatform.witness.SpecFixtures.checkCosignature;
import static org.privacyplatform.witness.SpecFixtures.leaves;
import static org.privacyplatform.witness.SpecFixtures.note;
import static org.privacyplatform.witness.SpecFixtures.proof;
import static org.privacyplatform.witness.SpecFixtures.request;
import static org.privacyplatform.witness.SpecFixtures.root;
import static org.privacyplatform.witness.SpecFixtures.signedCheckpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * c2sp.org/tlog-witness add-checkpoint, status by status, with request bodies built from the specs' text
 * (SpecFixtures). Each test witnesses a log of its own (test.example/log-N), so their states never meet.
 */
@QuarkusTest
class AddCheckpointTest {

    private static Response post(String requestBody) {
        return given().contentType("text/plain").body(requestBody.getBytes(StandardCharsets.UTF_8)).when()
                .post("/add-checkpoint");
    }

    @Test
    void theFirstCheckpointIsCosignedFromOldZeroAndEachLaterOneWithAConsistencyProof() {
        String origin = "test.example/log-1";
        List<byte[]> d = leaves(origin, 13);
        long before = Instant.now().getEpochSecond();

        String first = post(request(0, List.of(), signedCheckpoint(origin, d.subList(0, 5)))).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();

        long timestamp = checkCosignature(first, body(origin, 5, root(d.subList(0, 5))));
        assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
        // 5 -> 8 (a power of two) -> 13, each with PROOF(m, D[n])
        String second = post(request(5, proof(5, d.subList(0, 8)), signedCheckpoint(origin, d.subList(0, 8)))).then()
                .statusCode(200).extract().asString();
        checkCosignature(second, body(origin, 8, root(d.subList(0, 8))));
        String third = post(request(8, proof(8, d), signedCheckpoint(origin, d))).then().statusCode(200).extract().asString();
        checkCosignature(third, body(origin, 13, root(d)));
        // the same checkpoint again: old size = its size, empty proof, cosigned again
        post(request(13, List.of(), signedCheckpoint(origin, d))).then().statusCode(200);
        // a monitor reads what it cosigned last: the log's note with the witness's line
        String latest = given().queryParam("origin", origin).when().get("/latest-checkpoint").then().statusCode(200)
                .extract().asString();
        assertThat(latest).startsWith(signedCheckpoint(origin, d)).contains("\u2014 " + SpecFixtures.WITNESS_NAME + " ");
    }

    @Test
    void anOldSizeThatIsNotTheLatestIs409WithTheLatestSize() {
        String origin = "test.example/log-2";
        List<byte[]> d = leaves(origin, 10);
        post(request(0, List.of(), signedCheckpoint(origin, d.subList(0, 6)))).then().statusCode(200);

        // a log that does not know the witness's size asks with old 0 and learns it
        post(request(0, List.of(), signedCheckpoint(origin, d))).then().statusCode(409)
                .contentType(equalTo("text/x.tlog.size")).body(equalTo("6\n"));
        // an old size below the latest, with a valid proof from it, is still a conflict
        post(request(3, proof(3, d), signedCheckpoint(origin, d))).then().statusCode(409).body(equalTo("6\n"));
        // the same size with another root: a fork
        List<byte[]> forked = new ArrayList<>(leaves(origin, 6));
        forked.set(2, "forged".getBytes(StandardCharsets.UTF_8));
        post(request(6, List.of(), signedCheckpoint(origin, forked))).then().statusCode(409)
                .contentType(equalTo("text/x.tlog.size")).body(equalTo("6\n"));
        // retried from the size the witness answered, it is cosigned
        post(request(6, proof(6, d), signedCheckpoint(origin, d))).then().statusCode(200);
    }

    @Test
    void aProofThatDoesNotVerifyIs422AndChangesNothing() {
        String origin = "test.example/log-3";
        List<byte[]> d = leaves(origin, 12);
        post(request(0, List.of(), signedCheckpoint(origin, d.subList(0, 7)))).then().statusCode(200);

        // a rewritten history: leaf 1 changed, proof computed honestly over the rewritten tree
        List<byte[]> rewritten = new ArrayList<>(d);
        rewritten.set(1, "rewritten".getBytes(StandardCharsets.UTF_8));
        post(request(7, proof(7, rewritten), signedCheckpoint(origin, rewritten))).then().statusCode(422);
        // a flipped bit in an honest proof
        List<String> flipped = new ArrayList<>(proof(7, d));
        byte[] first = Base64.getDecoder().decode(flipped.get(0));
        first[0] ^= 1;
        flipped.set(0, Base64.getEncoder().encodeToString(first));
        post(request(7, flipped, signedCheckpoint(origin, d))).then().statusCode(422);
        // a proof that is too short, or given for a non-empty old tree of the same size
        post(request(7, proof(7, d).subList(1, proof(7, d).size()), signedCheckpoint(origin, d))).then().statusCode(422);
        post(request(7, List.of(proof(7, d).get(0)), signedCheckpoint(origin, d.subList(0, 7)))).then().statusCode(422);

        // nothing was recorded: the honest extension still follows the checkpoint of size 7
        post(request(7, proof(7, d), signedCheckpoint(origin, d))).then().statusCode(200);
    }

    @Test
    void anUnknownOriginIs404AndNoTrustedSignatureIs403() {
        List<byte[]> d = leaves("x", 4);
        post(request(0, List.of(), signedCheckpoint("example.com/not-witnessed", d))).then().statusCode(404);

        String origin = "test.example/log-4";
        String text = body(origin, 4, root(d));
        var other = org.privacyplatform.audit.checkpoint.Ed25519Keys.generate();
        // signed by another key under the log's name: its key ID is not the trusted one, so it is ignored
        post(request(0, List.of(), note(text, origin, other.base64Seed(), other.base64Public()))).then().statusCode(403);
        // the trusted key's signature over another text
        String signedOther = signedCheckpoint(origin, leaves(origin, 5));
        String swapped = text + signedOther.substring(signedOther.lastIndexOf("\n\n") + 1);
        post(request(0, List.of(), swapped)).then().statusCode(403);
        // the trusted signature under another key name
        post(request(0, List.of(), note(text, "test.example/log-5", SpecFixtures.LOG_SEED, SpecFixtures.LOG_PUBLIC)))
                .then().statusCode(403);
        // a checkpoint with a second, unknown signature beside the trusted one is fine
        String cosignedElsewhere = signedCheckpoint(origin, d) + "\u2014 other.example/w1 "
                + Base64.getEncoder().encodeToString(new byte[76]) + "\n";
        post(request(0, List.of(), cosignedElsewhere)).then().statusCode(200);
    }

    @Test
    void malformedBodiesAre400() {
        String origin = "test.example/log-6";
        List<byte[]> d = leaves(origin, 9);
        String checkpoint = signedCheckpoint(origin, d);
        post(request(0, List.of(), signedCheckpoint(origin, d.subList(0, 4)))).then().statusCode(200);

        // the old size above the checkpoint's
        post(request(10, List.of(), checkpoint)).then().statusCode(400);
        for (String bad : List.of(
                "", // nothing
                "old 4\n", // no empty line, no checkpoint
                "old 04\n" + String.join("\n", proof(4, d)) + "\n\n" + checkpoint, // a leading zero
                "old  4\n\n" + checkpoint, "Old 4\n\n" + checkpoint, "old -1\n\n" + checkpoint,
                "old 99999999999999999999\n\n" + checkpoint, // beyond 2^63
                "old 4\nnot base64!\n\n" + checkpoint,
                "old 4\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n\n" + checkpoint, // not 32 bytes
                "old 4\n" + Base64.getEncoder().encodeToString(new byte[32]).replace("=", "") + "\n\n" + checkpoint,
                "old 4\n\n" + checkpoint.replace("\u2014", "-"), // a hyphen for the em dash
                "old 4\n\n" + checkpoint.substring(0, checkpoint.length() - 1), // no final newline
                "old 4\n\n" + checkpoint.replace("\n9\n", "\n09\n"))) { // a size with a leading zero
            post(bad).then().statusCode(400);
        }
        // a proof after old 0, to a witness that never cosigned this log (with one that did, old 0 is a 409 first)
        String fresh = "test.example/log-7";
        post(request(0, List.of(proof(4, leaves(fresh, 9)).get(0)), signedCheckpoint(fresh, leaves(fresh, 9))))
                .then().statusCode(400);
        // more than 63 proof lines
        post(request(4, Collections.nCopies(64, proof(4, d).get(0)), checkpoint)).then().statusCode(400);
        // not UTF-8
        byte[] latin1 = request(4, proof(4, d), checkpoint).replace("\u2014", "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("text/plain").body(latin1).when().post("/add-checkpoint").then().statusCode(400);

        // none of it changed the state
        post(request(4, proof(4, d), checkpoint)).then().statusCode(200);
    }

    @Test
    void aBodyOver128KiBIs413() {
        String huge = request(0, List.of(), "x".repeat(129 * 1024));
        post(huge).then().statusCode(413);
    }

    @Test
    void theWitnessPublishesItsKeyAndTheLogsItWitnesses() {
        given().when().get("/").then().statusCode(200).body("name", equalTo(SpecFixtures.WITNESS_NAME))
                .body("publicKey", equalTo(SpecFixtures.WITNESS_PUBLIC)).body("algorithm", equalTo("Ed25519"))
                .body("keyId", equalTo(java.util.HexFormat.of().formatHex(SpecFixtures.keyId(SpecFixtures.WITNESS_NAME,
                        (byte) 0x04, Base64.getDecoder().decode(SpecFixtures.WITNESS_PUBLIC)))))
                .body("logs.origin", org.hamcrest.Matchers.hasItem("privacy-platform.local/audit"));
        given().queryParam("origin", "test.example/log-8").when().get("/latest-checkpoint").then().statusCode(404);
        given().when().get("/latest-checkpoint").then().statusCode(400);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'witness state' }.status", equalTo("UP"));
    }
}
