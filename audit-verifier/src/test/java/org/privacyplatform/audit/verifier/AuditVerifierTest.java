package org.privacyplatform.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.audit.verifier.Evidence.ALICE;
import static org.privacyplatform.audit.verifier.Evidence.BOB;
import static org.privacyplatform.audit.verifier.Evidence.eventId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacyplatform.audit.merkle.MerkleHashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The command line end to end, through {@link AuditVerifier#run}: real bundles and proofs from a log computed
 * here, honest ones valid (exit 0), every tampering named on a FAIL line (exit 1), unusable input exit 2.
 */
class AuditVerifierTest {

    private static final int SIZE = 13;
    /** ALICE's events in the default log: every third leaf. */
    private static final int[] ALICE_LEAVES = {0, 3, 6, 9, 12};

    private final Evidence log = new Evidence(SIZE);
    private final String root = MerkleHashes.toHex(log.root(SIZE));

    @TempDir
    Path dir;

    @Nested
    class Bundles {

        @Test
        void anHonestBundleIsValid() throws IOException {
            Result result = run("--public-key", log.publicKey, write("bundle.json", log.bundle(ALICE, SIZE)));

            assertThat(result.status).as(result.out).isEqualTo(0);
            assertThat(result.lines()).last().isEqualTo("valid");
            assertThat(result.lines()).noneMatch(line -> line.startsWith("FAIL") || line.startsWith("WARN"));
            assertThat(result.lines()).contains(
                    "ok   public key: the bundle's key is the pinned key " + log.publicKey,
                    "ok   checkpoint: the note's signature by test.example/audit verifies with the key",
                    "ok   checkpoint: the signed note is of origin test.example/audit, tree size 13 and root hash " + root,
                    "ok   event " + eventId(6) + " (leaf 6): leafHash is SHA-256(0x00 || canonical)",
                    "ok   event " + eventId(6) + " (leaf 6): canonical is the event " + eventId(6),
                    "ok   event " + eventId(6) + " (leaf 6): canonical is about subject " + ALICE,
                    "ok   event " + eventId(6) + " (leaf 6): leaf index 6 is inside the tree of size 13",
                    "ok   event " + eventId(6) + " (leaf 6): inclusion proof leads to root " + root + " of tree size 13");
            for (int leaf : ALICE_LEAVES) {
                assertThat(result.out).contains("ok   event " + eventId(leaf) + " (leaf " + leaf + "): inclusion proof leads");
            }
            assertThat(result.err).isEmpty();
        }

        @Test
        void everySizeAndSubjectIsValid() throws IOException {
            for (int size = 1; size <= SIZE; size++) {
                for (String subject : List.of(ALICE, BOB)) {
                    Result result = run("--public-key", log.publicKey, write("bundle.json", log.bundle(subject, size)));
                    assertThat(result.status).as("%s at %d: %s", subject, size, result.out).isEqualTo(0);
                }
            }
        }

        @Test
        void withoutAPinnedKeyItIsValidWithAWarning() throws IOException {
            Result result = run(write("bundle.json", log.bundle(ALICE, SIZE)));

            assertThat(result.status).isEqualTo(0);
            assertThat(result.lines()).first().asString().startsWith("WARN the public key is not pinned");
            assertThat(result.lines()).last().isEqualTo("valid");
        }

        @Test
        void readsStandardInput() {
            Result result = runWithInput(log.bundle(ALICE, SIZE).toString(), "--public-key", log.publicKey, "-");

            assertThat(result.status).as(result.out).isEqualTo(0);
        }

        @Test
        void aFlippedBitInOneCanonicalTextFailsThatEvent() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ObjectNode event = event(bundle, 2);
            String canonical = event.get("canonical").textValue();
            int at = canonical.indexOf("consent.given");
            // 'c' (0x63) -> 'b' (0x62): still valid JSON, still the same id and subject
            event.put("canonical", canonical.substring(0, at) + (char) (canonical.charAt(at) ^ 1) + canonical.substring(at + 1));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            String label = "event " + eventId(6) + " (leaf 6): ";
            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly(
                    "FAIL " + label + "leafHash " + event.get("leafHash").textValue()
                            + " is not SHA-256(0x00 || canonical) = " + leafHashOf(event.get("canonical").textValue()),
                    "FAIL " + label + "inclusion proof does not lead to root " + root + " of tree size 13");
            assertThat(result.lines()).last().isEqualTo("INVALID: 2 checks failed");
        }

        @Test
        void aCanonicalTextWhoseLeafHashWasAlsoReplacedStillFailsItsInclusion() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ObjectNode event = event(bundle, 1);
            String forged = event.get("canonical").textValue().replace("\"n\":3", "\"n\":4");
            event.put("canonical", forged);
            event.put("leafHash", leafHashOf(forged));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL event " + eventId(3) + " (leaf 3): inclusion proof does "
                    + "not lead to root " + root + " of tree size 13");
        }

        @Test
        void aFlippedBitInOneAuditPathElementFailsThatEventsInclusion() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ArrayNode path = (ArrayNode) event(bundle, 3).get("auditPath");
            path.set(1, Evidence.JSON.getNodeFactory().textNode(Evidence.flipHex(path.get(1).textValue(), 77)));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL event " + eventId(9) + " (leaf 9): inclusion proof does "
                    + "not lead to root " + root + " of tree size 13");
            assertThat(result.lines()).last().isEqualTo("INVALID: 1 check failed");
        }

        @Test
        void anAuditPathElementThatIsNotAHashIsNamed() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ((ArrayNode) event(bundle, 0).get("auditPath")).set(2, Evidence.JSON.getNodeFactory().textNode("abc"));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL event " + eventId(0) + " (leaf 0): auditPath[2] is not "
                    + "hex: abc");
        }

        @Test
        void aFlippedBitInTheRootHashFailsTheCheckpointAndEveryProof() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            String flipped = Evidence.flipHex(root, 200);
            ((ObjectNode) bundle.get("checkpoint")).put("rootHash", flipped);

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains(
                    "FAIL checkpoint: the fields are not what the note signs: root hash " + flipped
                            + " in the fields, " + root + " in the note",
                    "FAIL checkpoint: the signature field does not verify with the key over the checkpoint body "
                            + "(origin, tree size, root hash)");
            for (int leaf : ALICE_LEAVES) {
                assertThat(result.failures()).contains("FAIL event " + eventId(leaf) + " (leaf " + leaf
                        + "): inclusion proof does not lead to root " + flipped + " of tree size 13");
            }
            assertThat(result.lines()).last().isEqualTo("INVALID: 7 checks failed");
        }

        @Test
        void aTreeSizeThatIsNotTheSignedOneFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ((ObjectNode) bundle.get("checkpoint")).put("treeSize", 14);

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains("FAIL checkpoint: the fields are not what the note signs: tree size 14 "
                    + "in the fields, 13 in the note");
        }

        @Test
        void aFlippedBitInTheNotesSignatureFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ObjectNode checkpoint = (ObjectNode) bundle.get("checkpoint");
            String note = checkpoint.get("note").textValue();
            int start = note.lastIndexOf(' ') + 1;
            String signature = note.substring(start, note.length() - 1);
            // bit 100 is past the 4-byte key ID: inside the Ed25519 signature
            checkpoint.put("note", note.substring(0, start) + Evidence.flipBase64(signature, 100) + "\n");

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly(
                    "FAIL checkpoint: the note's signature: the signature by test.example/audit does not verify");
        }

        @Test
        void aFlippedBitInTheSignatureFieldFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ObjectNode checkpoint = (ObjectNode) bundle.get("checkpoint");
            checkpoint.put("signature", Evidence.flipBase64(checkpoint.get("signature").textValue(), 3));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL checkpoint: the signature field does not verify with "
                    + "the key over the checkpoint body (origin, tree size, root hash)");
        }

        @Test
        void aWrongPinnedKeyFails() throws IOException {
            String other = Base64.getEncoder().encodeToString(Evidence.newKeys().publicKeyRaw());

            Result result = run("--public-key", other, write("bundle.json", log.bundle(ALICE, SIZE)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains(
                    "FAIL public key: the bundle's key " + log.publicKey + " is not the pinned key " + other);
            assertThat(result.failures()).anyMatch(line -> line.startsWith("FAIL checkpoint: the note's signature: "
                    + "the note has no signature by test.example/audit with key ID"));
        }

        /** Why an auditor pins the key: a bundle re-made by someone else is consistent with the key it brings. */
        @Test
        void aBundleForgedWithAnotherKeyIsCaughtOnlyByThePin() throws IOException {
            List<String> leaves = new ArrayList<>(Evidence.defaultLeaves(SIZE));
            leaves.set(3, leaves.get(3).replace("consent.given", "consent.withdrawn"));
            Evidence forged = new Evidence(leaves, Evidence.newKeys());
            String bundle = write("forged.json", forged.bundle(ALICE, SIZE));

            assertThat(run(bundle).status).isEqualTo(0);
            Result pinned = run("--public-key", log.publicKey, bundle);
            assertThat(pinned.status).isEqualTo(1);
            assertThat(pinned.failures()).contains("FAIL public key: the bundle's key " + forged.publicKey
                    + " is not the pinned key " + log.publicKey);
        }

        @Test
        void aBundleWithShreddedLeavesIsValidAndSaysWhichWereCheckedByTheirHashAlone() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            // leaves 3 and 9 as the service serves them once their subject's evidence is shredded: no text
            for (JsonNode event : bundle.get("events")) {
                long leaf = event.get("leafIndex").asLong();
                if (leaf == 3 || leaf == 9) {
                    ((ObjectNode) event).remove("canonical");
                    ((ObjectNode) event).put("shredded", true);
                }
            }
            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).as(result.out).isEqualTo(0);
            assertThat(result.lines()).last().isEqualTo("valid");
            assertThat(result.lines()).contains(
                    "WARN event " + eventId(3) + " (leaf 3): shredded (its subject's evidence period ended): checked by its "
                            + "stored leaf hash within the tree only, its text is gone",
                    "ok   event " + eventId(3) + " (leaf 3): inclusion proof leads to root " + root + " of tree size 13");
            assertThat(result.lines()).noneMatch(line -> line.startsWith("WARN event " + eventId(6)));
        }

        @Test
        void aShreddedLeafWhoseStoredHashWasReplacedFailsItsInclusion() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            ObjectNode event = (ObjectNode) bundle.get("events").get(1);
            event.remove("canonical");
            event.put("shredded", true);
            event.put("leafHash", MerkleHashes.toHex(MerkleHashes.leafHash("forged".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL event " + eventId(3) + " (leaf 3): inclusion proof does not "
                    + "lead to root " + root + " of tree size 13");
        }

        @Test
        void aLeafAboutTheBundlesSubjectPseudonymIsAcceptedAndSaidSo() throws IOException {
            // after the shredding, the log's own EvidenceShredded names the subject's pseudonym, not the id
            ObjectNode bundle = log.bundle(BOB, SIZE);
            bundle.put("subjectId", ALICE);
            bundle.put("subjectPseudonym", BOB);

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).as(result.out).isEqualTo(0);
            assertThat(result.out).contains("canonical is about the bundle's subject pseudonym " + BOB + " (that it is "
                    + ALICE + "'s, the platform's pseudonym key alone can tell)");
            // without it, the same leaves are another subject's
            bundle.remove("subjectPseudonym");
            assertThat(run("--public-key", log.publicKey, write("bundle2.json", bundle)).status).isEqualTo(1);
        }

        @Test
        void anEventOfAnotherSubjectFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            // BOB's leaf 4 with its genuine proof: in the log, but not ALICE's
            ((ArrayNode) bundle.get("events")).insert(2, log.event(4, SIZE));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly(
                    "FAIL event " + eventId(4) + " (leaf 4): canonical is about subject " + BOB + ", not " + ALICE);
        }

        @Test
        void aCanonicalTextOfAnotherEventFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            event(bundle, 1).put("eventId", eventId(6));

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly(
                    "FAIL event " + eventId(6) + " (leaf 3): canonical is the event " + eventId(3) + ", not " + eventId(6),
                    "FAIL event " + eventId(6) + " is listed 2 times (the log holds every event once)");
        }

        @Test
        void aLeafIndexOutsideTheTreeFails() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            event(bundle, 0).put("leafIndex", SIZE);

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly(
                    "FAIL event " + eventId(0) + " (leaf 13): leaf index 13 is not below the checkpoint's tree size 13");
        }

        @Test
        void aLeafIndexMovedInsideTheTreeFailsItsInclusion() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            event(bundle, 1).put("leafIndex", 2);

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL event " + eventId(3) + " (leaf 2): inclusion proof does "
                    + "not lead to root " + root + " of tree size 13");
        }

        /** A lenient parser would read one of two "subject"s; the verifier refuses to choose. */
        @Test
        void aCanonicalTextWithADuplicatedKeyFails() throws IOException {
            List<String> leaves = new ArrayList<>(Evidence.defaultLeaves(SIZE));
            leaves.set(3, leaves.get(3).replace("\"type\"", "\"subject\":\"" + BOB + "\",\"type\""));
            Evidence odd = new Evidence(leaves, log.keys);

            Result result = run("--public-key", log.publicKey, write("bundle.json", odd.bundle(ALICE, SIZE)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).singleElement().asString()
                    .startsWith("FAIL event " + eventId(3) + " (leaf 3): canonical is not valid JSON: Duplicate field 'subject'");
        }

        @Test
        void aBundleWithoutEventsIsValidWithAWarning() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            bundle.putArray("events");

            Result result = run("--public-key", log.publicKey, write("bundle.json", bundle));

            assertThat(result.status).isEqualTo(0);
            assertThat(result.lines()).contains("WARN the bundle lists no event of subject " + ALICE);
        }

        @Test
        void malformedJsonIsUnusableInput() throws IOException {
            String text = log.bundle(ALICE, SIZE).toString();

            Result result = run("--public-key", log.publicKey, write("bundle.json", text.substring(0, text.length() - 2)));

            assertThat(result.status).isEqualTo(2);
            assertThat(result.err).contains("bundle.json is not valid JSON");
            assertThat(result.out).isEmpty();
        }

        @Test
        void somethingThatIsNotABundleIsUnusableInput() throws IOException {
            ObjectNode bundle = log.bundle(ALICE, SIZE);
            bundle.remove("checkpoint");

            assertThat(run(write("a.json", bundle)).err).contains("bundle.checkpoint is missing");
            assertThat(run(write("b.json", "[1, 2]")).status).isEqualTo(2);
            assertThat(run(write("c.json", "{\"subjectId\": \"a\"} trailing")).status).isEqualTo(2);
            assertThat(run(write("d.json", "{\"a\": 1, \"a\": 2}")).err).contains("Duplicate field 'a'");
            assertThat(run(dir.resolve("missing.json").toString()).err).contains("missing.json: no such file");
        }
    }

    @Nested
    class InclusionProofs {

        @Test
        void anHonestProofIsValid() throws IOException {
            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, SIZE)),
                    // as jq -r .canonical writes it: with a final newline
                    "--leaf", write("leaf.txt", log.canonicals.get(5) + "\n"));

            assertThat(result.status).as(result.out).isEqualTo(0);
            assertThat(result.lines()).contains("ok   leaf 5 (event " + eventId(5) + "): inclusion proof leads from leaf "
                    + "hash " + leafHashOf(log.canonicals.get(5)) + " to root " + root + " of tree size 13");
        }

        @Test
        void theKeyMayBeTheServicesPublicKeyJson() throws IOException {
            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)),
                    "--public-key", write("key.json", log.publicKeyJson()),
                    "--inclusion", write("proof.json", log.inclusion(0, SIZE)), "--leaf", write("leaf.txt", log.canonicals.get(0)));

            assertThat(result.status).as(result.out).isEqualTo(0);
        }

        @Test
        void anAlteredLeafFails() throws IOException {
            String altered = log.canonicals.get(5).replace("\"n\":5", "\"n\":6");

            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, SIZE)), "--leaf", write("leaf.txt", altered));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL leaf 5 (event " + eventId(5) + "): inclusion proof does "
                    + "not lead from leaf hash " + leafHashOf(altered) + " to root " + root + " of tree size 13");
        }

        @Test
        void aProofForAnotherTreeSizeFails() throws IOException {
            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, 10)), "--leaf", write("leaf.txt", log.canonicals.get(5)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains(
                    "FAIL proof: for tree size 10, not the checkpoint's 13 (ask for it with ?treeSize=13)",
                    "FAIL leaf 5 (event " + eventId(5) + "): inclusion proof does not lead from leaf hash "
                            + leafHashOf(log.canonicals.get(5)) + " to root " + root + " of tree size 13");
        }

        @Test
        void theLeafOfAnotherEventFails() throws IOException {
            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, SIZE)), "--leaf", write("leaf.txt", log.canonicals.get(4)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains("FAIL leaf 5 (event " + eventId(5) + "): the leaf is the event "
                    + eventId(4) + ", not " + eventId(5));
        }

        @Test
        void aCheckpointSignedByAnotherKeyFails() throws IOException {
            Evidence other = new Evidence(log.canonicals, Evidence.newKeys());

            Result result = run("--checkpoint", write("cp.json", other.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, SIZE)), "--leaf", write("leaf.txt", log.canonicals.get(5)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).anyMatch(line -> line.startsWith("FAIL checkpoint: the note's signature"));
        }

        @Test
        void incompleteArgumentsAreAUsageError() throws IOException {
            Result result = run("--checkpoint", write("cp.json", log.checkpoint(SIZE)), "--public-key", log.publicKey,
                    "--inclusion", write("proof.json", log.inclusion(5, SIZE)));

            assertThat(result.status).isEqualTo(2);
            assertThat(result.err).contains("--inclusion needs one --checkpoint and a --leaf");
            assertThat(run("--checkpoint", "cp.json", "--inclusion", "p.json", "--leaf", "l.txt").err)
                    .contains("--public-key is required");
            assertThat(run("--public-key", "not base64!", write("bundle.json", log.bundle(ALICE, SIZE))).status).isEqualTo(2);
            assertThat(run("--frobnicate").status).isEqualTo(2);
        }
    }

    @Nested
    class ConsistencyProofs {

        @Test
        void anHonestProofIsValidInEitherOrder() throws IOException {
            String old = write("old.json", log.checkpoint(7));
            String now = write("new.json", log.checkpoint(SIZE));
            String proof = write("proof.json", log.consistency(7, SIZE));

            Result result = run("--public-key", log.publicKey, "--checkpoint", old, "--checkpoint", now, "--consistency", proof);
            assertThat(result.status).as(result.out).isEqualTo(0);
            assertThat(result.lines()).contains("ok   consistency: the tree of root " + root + " of tree size 13 extends "
                    + "the tree of root " + MerkleHashes.toHex(log.root(7)) + " of tree size 7 (append-only)");

            assertThat(run("--public-key", log.publicKey, "--checkpoint", now, "--checkpoint", old, "--consistency", proof).status)
                    .isEqualTo(0);
        }

        @Test
        void everyPairOfSizesIsValid() throws IOException {
            for (int to = 1; to <= SIZE; to++) {
                for (int from = 1; from <= to; from++) {
                    Result result = run("--public-key", log.publicKey, "--checkpoint", write("old.json", log.checkpoint(from)),
                            "--checkpoint", write("new.json", log.checkpoint(to)),
                            "--consistency", write("proof.json", log.consistency(from, to)));
                    assertThat(result.status).as("%d -> %d: %s", from, to, result.out).isEqualTo(0);
                }
            }
        }

        @Test
        void aFlippedBitInTheProofFails() throws IOException {
            ObjectNode proof = log.consistency(7, SIZE);
            ArrayNode hashes = (ArrayNode) proof.get("proof");
            hashes.set(0, Evidence.JSON.getNodeFactory().textNode(Evidence.flipHex(hashes.get(0).textValue(), 5)));

            Result result = run("--public-key", log.publicKey, "--checkpoint", write("old.json", log.checkpoint(7)),
                    "--checkpoint", write("new.json", log.checkpoint(SIZE)), "--consistency", write("proof.json", proof));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).containsExactly("FAIL consistency: the proof does not show that the tree of root "
                    + root + " of tree size 13 extends the tree of root " + MerkleHashes.toHex(log.root(7))
                    + " of tree size 7");
        }

        /** A log that rewrote leaf 3 after checkpoint 7 was published: signed by the right key, and still caught. */
        @Test
        void aRewrittenHistoryFails() throws IOException {
            List<String> leaves = new ArrayList<>(log.canonicals);
            leaves.set(3, leaves.get(3).replace("consent.given", "consent.withdrawn"));
            Evidence rewritten = new Evidence(leaves, log.keys);

            Result result = run("--public-key", log.publicKey, "--checkpoint", write("old.json", log.checkpoint(7)),
                    "--checkpoint", write("new.json", rewritten.checkpoint(SIZE)),
                    "--consistency", write("proof.json", rewritten.consistency(7, SIZE)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).anyMatch(line -> line.startsWith("FAIL consistency: the proof does not show"));
            assertThat(result.failures()).anyMatch(line -> line.startsWith("FAIL proof: fromRoot "));
        }

        @Test
        void aProofBetweenOtherSizesFails() throws IOException {
            Result result = run("--public-key", log.publicKey, "--checkpoint", write("old.json", log.checkpoint(7)),
                    "--checkpoint", write("new.json", log.checkpoint(SIZE)),
                    "--consistency", write("proof.json", log.consistency(6, SIZE)));

            assertThat(result.status).isEqualTo(1);
            assertThat(result.failures()).contains("FAIL proof: fromSize 6 is not the older checkpoint's tree size 7; "
                    + "fromRoot " + MerkleHashes.toHex(log.root(6)) + " is not the older checkpoint's root "
                    + MerkleHashes.toHex(log.root(7)));
        }

        @Test
        void oneCheckpointIsAUsageError() throws IOException {
            Result result = run("--public-key", log.publicKey, "--checkpoint", write("new.json", log.checkpoint(SIZE)),
                    "--consistency", write("proof.json", log.consistency(7, SIZE)));

            assertThat(result.status).isEqualTo(2);
            assertThat(result.err).contains("--consistency needs two --checkpoint");
        }
    }

    @Test
    void helpExplainsTheThreeFormsAndTheExitStatus() {
        Result result = run("--help");

        assertThat(result.status).isEqualTo(0);
        assertThat(result.out).contains("--inclusion PROOF --leaf LEAF", "--consistency PROOF", "[--public-key KEY] BUNDLE",
                "0 valid, 1 invalid, 2 usage error or unreadable input");
    }

    private static ObjectNode event(ObjectNode bundle, int position) {
        return (ObjectNode) bundle.get("events").get(position);
    }

    private static String leafHashOf(String canonical) {
        return MerkleHashes.toHex(MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private String write(String name, Object content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content.toString(), StandardCharsets.UTF_8);
        return file.toString();
    }

    private static Result run(String... args) {
        return runWithInput("", args);
    }

    private static Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifier.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }

        List<String> failures() {
            return out.lines().filter(line -> line.startsWith("FAIL")).toList();
        }
    }
}
