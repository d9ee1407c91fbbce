package org.privacyplatform.commons.schema;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A service started while its database is down: not ready, no crash; ready once the database comes up.
 * The database here is a real PostgreSQL cluster of its own, started only after the service.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.DatabaseNotYetThere.class)
class DatabaseOutageTest {

    // below the ephemeral range (32768-60999): a client retrying a port in that range can connect to itself
    // (TCP simultaneous open) and hold the port the database then fails to bind
    static final int PORT = 25432;
    private static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"), "privacy-outage-pg-" + ProcessHandle.current().pid());

    public static class DatabaseNotYetThere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + PORT + "/commons_test",
                    "privacy.schema.retry-interval", "PT0.5S");
        }
    }

    @Test
    void aServiceStartedWithoutItsDatabaseIsNotReadyAndRecoversWhenTheDatabaseComesUp() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database schema' }.status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);

        startDatabase();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200).body("checks.find { it.name == 'database schema' }.status", equalTo("UP")));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (Files.exists(DATA.resolve("PG_VERSION"))) {
            run(List.of(bin("pg_ctl"), "-D", DATA.toString(), "-m", "immediate", "stop"));
        }
        if (Files.exists(DATA)) {
            try (var paths = Files.walk(DATA)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A throwaway cluster (initdb refuses root, so it runs as postgres), with the login the service uses. */
    private static void startDatabase() throws Exception {
        Files.createDirectories(DATA);
        run(List.of("chown", "postgres", DATA.toString()));
        run(List.of(bin("initdb"), "-D", DATA.toString(), "--auth=trust", "-U", "postgres"));
        run(List.of(bin("pg_ctl"), "-D", DATA.toString(), "-o", "-p " + PORT + " -k " + DATA, "-w", "start"));
        run(List.of(bin("psql"), "-h", "127.0.0.1", "-p", String.valueOf(PORT), "-U", "postgres", "-c",
                "create role commons login password 'commons'"));
        run(List.of(bin("psql"), "-h", "127.0.0.1", "-p", String.valueOf(PORT), "-U", "postgres", "-c",
                "create database commons_test owner commons"));
    }

    private static String bin(String tool) throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(tool)).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IOException(tool + " not found")).toString();
        }
    }

    private static void run(List<String> command) throws Exception {
        List<String> asPostgres = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        Process process = new ProcessBuilder(command.get(0).equals("chown") ? command : asPostgres)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
