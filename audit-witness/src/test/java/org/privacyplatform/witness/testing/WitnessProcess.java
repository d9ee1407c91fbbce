package org.privacyplatform.witness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged witness (audit-witness/target/quarkus-app) run as its own process, as ./platform and an external
 * party run it: for the tests that need a real witness (its restart, the audit service's cosigning, the rewrite drill).
 * Built by the reactor before the modules whose tests use it (they depend on audit-witness's test-jar).
 */
public final class WitnessProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private WitnessProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts a witness on a free port, profile {@code local} (the LOCAL DEVELOPMENT witness key; it trusts the audit
     * log's LOCAL DEVELOPMENT key), with its state in {@code stateFile} and any further system properties.
     */
    public static WitnessProcess start(Path stateFile, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx96m");
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dwitness.state-file=" + stateFile.toAbsolutePath());
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar().toString());
        WitnessProcess witness = new WitnessProcess(command, stateFile.toAbsolutePath().resolveSibling(
                stateFile.getFileName() + ".log"), port);
        witness.startProcess();
        return witness;
    }

    /** The submission prefix (the server root). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the process (as an operator would: SIGTERM, then SIGKILL after 10 s). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Starts it again on the same port with the same state file. */
    public void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the witness: " + command, e);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the witness exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("the witness was not ready within 60 s; see " + log);
    }

    /** audit-witness/target/quarkus-app/quarkus-run.jar, from this module or a sibling module. */
    private static Path jar() {
        for (String candidate : new String[] { "target/quarkus-app/quarkus-run.jar",
                "../audit-witness/target/quarkus-app/quarkus-run.jar" }) {
            Path path = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.exists(path) && path.toString().contains("audit-witness")) {
                return path;
            }
        }
        throw new IllegalStateException("audit-witness is not packaged: build with -am (mvn -pl <module> -am verify)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
