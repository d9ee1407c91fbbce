package org.privacyplatform.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.audit.verifier.Evidence.ALICE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** --witness NAME=KEY and --quorum: an auditor accepts a checkpoint only with the pinned witnesses' cosignatures. */
class WitnessQuorumTest {

    private static final int SIZE = 7;
    private static final String W1 = "witness.example/one";
    private static final String W2 = "witness.example/two";

    private final Evidence log = new Evidence(SIZE);
    private final Ed25519Keys.Encoded one = Ed25519Keys.generate();
    private final Ed25519Keys.Encoded two = Ed25519Keys.generate();

    @TempDir
    Path dir;

    @Test
    void aBundleCosignedByThePinnedWitnessesIsValid() throws IOException {
        String bundle = write(cosigned(log.bundle(ALICE, SIZE), W1, one));

        Result result = run("--public-key", log.publicKey, "--witness", W1 + "=" + one.base64Public(), bundle);

        assertThat(result.status).as(result.out).isZero();
        assertThat(result.out).contains("ok   checkpoint: cosigned by witness " + W1)
                .contains("ok   checkpoint: cosigned by 1 of the 1 pinned witnesses (quorum 1)");
        // and the quorum may be lower than all
        assertThat(run("--public-key", log.publicKey, "--witness", W1 + "=" + one.base64Public(), "--witness",
                W2 + "=" + two.base64Public(), "--quorum", "1", bundle).status).isZero();
    }

    @Test
    void aCheckpointWithoutTheQuorumFailsClearly() throws IOException {
        String uncosigned = write(log.bundle(ALICE, SIZE));
        String cosignedByOne = write(cosigned(log.bundle(ALICE, SIZE), W1, one));

        Result none = run("--public-key", log.publicKey, "--witness", W1 + "=" + one.base64Public(), uncosigned);
        Result onlyOne = run("--public-key", log.publicKey, "--witness", W1 + "=" + one.base64Public(), "--witness",
                W2 + "=" + two.base64Public(), cosignedByOne);

        assertThat(none.status).isEqualTo(1);
        assertThat(none.failures()).singleElement().asString()
                .startsWith("FAIL checkpoint: cosigned by 0 of the 1 pinned witnesses, below the quorum of 1");
        assertThat(onlyOne.status).isEqualTo(1);
        assertThat(onlyOne.failures()).singleElement().asString()
                .startsWith("FAIL checkpoint: cosigned by 1 of the 2 pinned witnesses, below the quorum of 2");
    }

    @Test
    void aForgedCosignatureFailsAndAnUnpinnedOneIsOnlyMentioned() throws IOException {
        // W1's name and key ID, but signed by another key: its line is by the pinned key and must verify
        ObjectNode forged = log.bundle(ALICE, SIZE);
        ObjectNode checkpoint = (ObjectNode) forged.get("checkpoint");
        String note = checkpoint.get("note").asText();
        String body = SignedNote.parse(note).body();
        String genuine = Cosignature.sign(body, W1, keys(one), 1700000000L);
        String other = Cosignature.sign(body, W1, keys(two), 1700000000L);
        String spliced = genuine.substring(0, genuine.lastIndexOf(' ') + 1 + 16) + other.substring(other.lastIndexOf(' ') + 1 + 16);
        checkpoint.put("note", note + spliced + "\n");

        Result result = run("--public-key", log.publicKey, "--witness", W1 + "=" + one.base64Public(), write(forged));

        assertThat(result.status).isEqualTo(1);
        assertThat(result.failures()).anyMatch(line -> line.contains("the cosignature by " + W1 + " does not verify"));
        // without --witness: valid, with a warning that the cosignature lines were not checked
        Result unpinned = run("--public-key", log.publicKey, write(cosigned(log.bundle(ALICE, SIZE), W1, one)));
        assertThat(unpinned.status).isZero();
        assertThat(unpinned.out).contains("WARN checkpoint: the note carries 1 more signature line(s)");
    }

    @Test
    void badWitnessOptionsAreUsageErrors() throws IOException {
        String bundle = write(log.bundle(ALICE, SIZE));
        for (List<String> args : List.of(List.of("--witness", "no-key"), List.of("--witness", W1 + "=short"),
                List.of("--witness", W1 + "=" + one.base64Public(), "--quorum", "2"), List.of("--quorum", "0"),
                List.of("--witness", W1 + "=" + one.base64Public(), "--witness", W1 + "=" + two.base64Public()))) {
            String[] all = new java.util.ArrayList<String>() {
                {
                    add("--public-key");
                    add(log.publicKey);
                    addAll(args);
                    add(bundle);
                }
            }.toArray(String[]::new);
            assertThat(run(all).status).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    private static ObjectNode cosigned(ObjectNode bundle, String witness, Ed25519Keys.Encoded key) {
        ObjectNode checkpoint = (ObjectNode) bundle.get("checkpoint");
        String note = checkpoint.get("note").asText();
        checkpoint.put("note", note + Cosignature.sign(SignedNote.parse(note).body(), witness, keys(key), 1700000000L) + "\n");
        return bundle;
    }

    private static Ed25519Keys keys(Ed25519Keys.Encoded encoded) {
        return new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());
    }

    private String write(Object content) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".json");
        Files.writeString(file, content.toString(), StandardCharsets.UTF_8);
        return file.toString();
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifier.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out) {
        List<String> failures() {
            return out.lines().filter(line -> line.startsWith("FAIL")).toList();
        }
    }
}
