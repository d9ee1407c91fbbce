package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service, started as a deployment would start it (java -jar, the default production profile) with only
 * the configuration committed in the repository, refuses to start and names every setting it misses: no
 * committed password, key or secret applies outside the local and test profiles.
 */
class ProductionProfileTest {

    private static final List<String> PLATFORM = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "PRIVACY_KAFKA_PASSWORD", "PRIVACY_PSEUDONYM_KEY");

    static List<Object[]> services() {
        return List.of(new Object[] { "consent-service", List.of() },
                new Object[] { "rights-request-service", List.of("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET") },
                new Object[] { "retention-service", List.of() },
                new Object[] { "audit-service", List.of("AUDIT_SIGNING_PRIVATE_KEY", "AUDIT_SIGNING_PUBLIC_KEY",
                        "AUDIT_WITNESSES", "AUDIT_MASTER_KEY_ID", "AUDIT_MASTER_KEYS") });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceStartedInProductionWithOnlyTheCommittedConfigurationRefusesNamingEachMissingSetting(String service,
            List<String> ownSecrets) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("platform.root", ".."));
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("built by ./platform up").exists();
        Path workDir = Files.createTempDirectory("prod-" + service);  // no .env nor config/ of anyone's
        ProcessBuilder start = new ProcessBuilder("java", "-jar", jar.toString()).directory(workDir.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = start.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("PRIVACY_")
                || name.startsWith("CONSENT_") || name.startsWith("AUDIT_") || name.startsWith("KAFKA_"));
        environment.put("QUARKUS_PROFILE", "prod");
        environment.put("QUARKUS_HTTP_PORT", "0");
        Process process = start.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes());
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("%s exits at once; it printed:%n%s", service, output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains(service + " refuses to start in production");
        for (String setting : PLATFORM) {
            assertThat(output).as("names " + setting).contains(setting);
        }
        for (String setting : ownSecrets) {
            assertThat(output).as("names " + setting).contains(setting);
        }
        assertThat(output).as("never starts listening").doesNotContain("Listening on");
    }

    /** The audit witness (no platform-commons): without its key and the logs it witnesses it refuses to start. */
    @org.junit.jupiter.api.Test
    void theWitnessStartedInProductionWithOnlyTheCommittedConfigurationRefusesNamingItsKeyAndLogs()
            throws IOException, InterruptedException {
        assertThat(refusalOf("audit-witness", "WITNESS_"))
                .contains("witness.signing.private-key", "witness.signing.public-key", "witness.logs");
    }

    /** The web portal: without its session secret it refuses to start, naming it. */
    @org.junit.jupiter.api.Test
    void thePortalStartedInProductionWithOnlyTheCommittedConfigurationRefusesNamingItsSessionSecret()
            throws IOException, InterruptedException {
        assertThat(refusalOf("privacy-portal", "PORTAL_"))
                .contains("privacy-portal refuses to start in production", "PORTAL_SESSION_SECRET");
    }

    /**
     * Starts a part that has no platform-commons as a deployment would (production profile, none of its own settings
     * in the environment) and returns what it printed once it exited, non-zero, without ever listening.
     */
    private static String refusalOf(String module, String ownPrefix) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("platform.root", ".."));
        Path jar = root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("built by ./platform up").exists();
        ProcessBuilder start = new ProcessBuilder("java", "-jar", jar.toString())
                .directory(Files.createTempDirectory("prod-" + module).toFile()).redirectErrorStream(true);
        start.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith(ownPrefix));
        start.environment().put("QUARKUS_PROFILE", "prod");
        start.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = start.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes());
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("%s exits at once; it printed:%n%s", module, output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).as("never starts listening").doesNotContain("Listening on");
        return output;
    }
}
