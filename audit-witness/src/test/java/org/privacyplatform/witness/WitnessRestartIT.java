package org.privacyplatform.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.witness.SpecFixtures.leaves;
import static org.privacyplatform.witness.SpecFixtures.proof;
import static org.privacyplatform.witness.SpecFixtures.request;
import static org.privacyplatform.witness.SpecFixtures.signedCheckpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacyplatform.witness.testing.WitnessProcess;

/** The packaged witness, as its own process, remembers what it cosigned across a restart. */
class WitnessRestartIT {

    private static final String ORIGIN = "privacy-platform.local/audit";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theLatestCosignedCheckpointSurvivesARestart() throws Exception {
        Path state = Files.createTempDirectory(Path.of("target"), "witness-restart").resolve("state.json");
        List<byte[]> d = leaves(ORIGIN, 11);
        try (WitnessProcess witness = WitnessProcess.start(state, Map.of())) {
            assertThat(post(witness, request(0, List.of(), signedCheckpoint(ORIGIN, d.subList(0, 7))))).startsWith("200 ");
            assertThat(state).exists();
            assertThat(Files.readString(state)).contains("\"treeSize\" : 7");

            witness.restart();

            // it still holds 7: a log that starts over from 0 is told so, and a forged history is still refused
            assertThat(post(witness, request(0, List.of(), signedCheckpoint(ORIGIN, d)))).isEqualTo("409 7\n");
            List<byte[]> rewritten = new java.util.ArrayList<>(d);
            rewritten.set(0, "rewritten".getBytes());
            assertThat(post(witness, request(7, proof(7, rewritten), signedCheckpoint(ORIGIN, rewritten)))).startsWith("422 ");
            assertThat(post(witness, request(7, proof(7, d), signedCheckpoint(ORIGIN, d)))).startsWith("200 ");
        }
    }

    private String post(WitnessProcess witness, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(witness.url() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
