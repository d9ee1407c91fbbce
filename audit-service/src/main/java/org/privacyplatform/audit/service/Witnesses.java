package org.privacyplatform.audit.service;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.CheckpointCosignature;
import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.CosignatureRepository;
import org.privacyplatform.audit.repository.LogRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The witnesses that cosign the log's checkpoints (c2sp.org/tlog-witness). Each new checkpoint goes to every witness
 * with a consistency proof from the latest checkpoint that witness cosigned; a checkpoint is published only once the
 * quorum cosigned it. A witness that is down only delays cosigning; a witness that refuses a checkpoint as inconsistent
 * with what it cosigned before (422, or the same size with another root) means the log's history changed: that is
 * reported (ERROR log, metric, readiness down) and the checkpoint is never published.
 */
@ApplicationScoped
public class Witnesses {

    private static final Logger LOG = Logger.getLogger(Witnesses.class);

    /** A configured witness: its key name, submission URL prefix and raw 32-byte Ed25519 public key. */
    public record Witness(String name, String url, byte[] publicKey) {

        public String publicKeyBase64() {
            return Base64.getEncoder().encodeToString(publicKey);
        }
    }

    /** A witness's refusal of the log's history, as readiness and the metrics report it. */
    public record Refusal(String witness, long treeSize, String reason, Instant at) {
    }

    private final List<Witness> witnesses;
    private final int quorum;
    private final Duration timeout;
    private final Duration retryAfter;
    private final LogRepository log;
    private final CosignatureRepository cosignatures;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final HttpClient http;
    private final Map<String, Instant> unreachableUntil = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final AtomicReference<OffsetDateTime> latestCosignedAt = new AtomicReference<>();

    public Witnesses(AuditConfig config, LogRepository log, CosignatureRepository cosignatures, Clock clock,
            MeterRegistry metrics) {
        this.witnesses = config.witnesses().orElse(List.of()).stream().filter(w -> !w.isBlank()).map(Witnesses::parse).toList();
        if (witnesses.stream().map(Witness::name).distinct().count() != witnesses.size()) {
            throw new IllegalArgumentException("audit.witnesses: a witness is listed twice");
        }
        this.quorum = config.witnessQuorum().orElse(witnesses.size());
        if (!witnesses.isEmpty() && (quorum < 1 || quorum > witnesses.size())) {
            throw new IllegalArgumentException("audit.witness-quorum must be between 1 and the number of witnesses ("
                    + witnesses.size() + "), was " + quorum);
        }
        this.timeout = config.witnessTimeout();
        this.retryAfter = config.witnessRetryAfter();
        this.log = log;
        this.cosignatures = cosignatures;
        this.clock = clock;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        metrics.gauge("audit.witness.cosigned.checkpoint.age.seconds", this, Witnesses::latestCosignedAgeSeconds);
    }

    /** {@code <name> <url> <base64 public key>}, as configured in audit.witnesses. */
    static Witness parse(String entry) {
        String[] parts = entry.strip().split(" +");
        if (parts.length != 3) {
            throw new IllegalArgumentException("audit.witnesses: each entry is '<name> <url> <base64 public key>', was '"
                    + entry + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("audit.witnesses: the public key of " + parts[0] + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("audit.witnesses: the public key of " + parts[0] + " is not 32 bytes");
        }
        Cosignature.keyId(parts[0], key); // a valid key name
        URI url = URI.create(parts[1]);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("audit.witnesses: the URL of " + parts[0] + " is not http(s)");
        }
        return new Witness(parts[0], parts[1].replaceAll("/+$", ""), key);
    }

    public List<Witness> all() {
        return witnesses;
    }

    /** Whether checkpoints wait for witnesses (false: none configured, local development only). */
    public boolean enabled() {
        return !witnesses.isEmpty();
    }

    public int quorum() {
        return quorum;
    }

    public Map<String, Refusal> refusals() {
        return Map.copyOf(refusals);
    }

    /** The latest checkpoint the quorum cosigned, if any. */
    public Optional<Checkpoint> latestCosigned() {
        Optional<Checkpoint> latest = QuarkusTransaction.joiningExisting()
                .call(() -> cosignatures.latestCosigned(witnesses.stream().map(Witness::name).toList(), quorum));
        latest.ifPresent(c -> latestCosignedAt.set(c.createdAt));
        return latest;
    }

    /** The cosignatures of a checkpoint by the configured witnesses. */
    public List<CheckpointCosignature> cosignaturesOf(Checkpoint checkpoint) {
        List<String> names = witnesses.stream().map(Witness::name).toList();
        return QuarkusTransaction.joiningExisting().call(() -> cosignatures.ofCheckpoint(checkpoint.id)).stream()
                .filter(c -> names.contains(c.witness)).toList();
    }

    /**
     * Submits a checkpoint to every witness that has not cosigned it yet (and is not being left alone after a failure).
     * Synchronized: one round at a time, so that a witness sees the log's checkpoints in order.
     */
    public synchronized void cosign(Checkpoint checkpoint) {
        List<String> done = cosignaturesOf(checkpoint).stream().map(c -> c.witness).toList();
        for (Witness witness : witnesses) {
            Instant until = unreachableUntil.get(witness.name());
            if (done.contains(witness.name()) || (until != null && clock.instant().isBefore(until))) {
                continue;
            }
            submit(witness, checkpoint);
        }
        latestCosigned();
    }

    private void submit(Witness witness, Checkpoint checkpoint) {
        long oldSize = QuarkusTransaction.joiningExisting().call(() -> cosignatures.latestCosignedSize(witness.name()));
        long started = System.nanoTime();
        // at most: the first try, and one retry from the size the witness answered with a 409
        for (int attempt = 0; attempt < 2; attempt++) {
            if (oldSize > checkpoint.treeSize) {
                refused(witness, checkpoint, "the witness cosigned a tree of " + oldSize + " leaves; the log has "
                        + checkpoint.treeSize + ": the log lost leaves");
                return;
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(witness.url() + "/add-checkpoint")).timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(requestBody(oldSize, checkpoint), StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                unreachable(witness, checkpoint, e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            switch (response.statusCode()) {
                case 200 -> {
                    accept(witness, checkpoint, response.body());
                    metrics.timer("audit.witness.cosigning", "witness", witness.name())
                            .record(Duration.ofNanos(System.nanoTime() - started));
                    return;
                }
                case 409 -> {
                    Long latest = parseSize(response);
                    if (latest == null) {
                        failed(witness, checkpoint, "a 409 without a text/x.tlog.size body");
                        return;
                    }
                    if (latest == oldSize) {
                        refused(witness, checkpoint, "the witness cosigned another root hash for tree size " + oldSize);
                        return;
                    }
                    oldSize = latest; // the witness's size: retry from it
                }
                case 422 -> {
                    refused(witness, checkpoint, "the consistency proof from the tree of " + oldSize
                            + " leaves it cosigned does not verify: the log's history changed");
                    return;
                }
                default -> {
                    if (response.statusCode() >= 500) {
                        unreachable(witness, checkpoint, "HTTP " + response.statusCode());
                    } else {
                        failed(witness, checkpoint, "HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                    }
                    return;
                }
            }
        }
        failed(witness, checkpoint, "it answered 409 twice");
    }

    /** The tlog-witness request: old size line, consistency proof lines, empty line, the log's signed note. */
    private String requestBody(long oldSize, Checkpoint checkpoint) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        if (oldSize > 0 && oldSize < checkpoint.treeSize) {
            List<byte[]> proof = QuarkusTransaction.joiningExisting().call(
                    () -> log.withNodes(nodes -> new MerkleTree(nodes).consistencyProof(oldSize, checkpoint.treeSize)));
            proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        }
        return body.append('\n').append(checkpoint.note).toString();
    }

    private void accept(Witness witness, Checkpoint checkpoint, String responseBody) {
        List<Cosignature.Verified> verified;
        try {
            List<SignedNote.SignatureLine> lines = new ArrayList<>();
            for (String line : responseBody.split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(SignedNote.SignatureLine.parse(line));
                }
            }
            String body = SignedNote.parse(checkpoint.note).body();
            verified = Cosignature.verify(body, lines, witness.name(), witness.publicKey());
        } catch (IllegalArgumentException e) {
            failed(witness, checkpoint, "its cosignature does not verify: " + e.getMessage());
            return;
        }
        if (verified.isEmpty()) {
            failed(witness, checkpoint, "it answered no cosignature by its configured key");
            return;
        }
        Cosignature.Verified cosignature = verified.get(0);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                CheckpointCosignature row = new CheckpointCosignature();
                row.checkpointId = checkpoint.id;
                row.witness = witness.name();
                row.keyId = cosignature.keyId();
                row.cosignedAt = cosignature.timestamp();
                row.signature = cosignature.signature();
                row.line = cosignature.line();
                row.receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                cosignatures.persist(row);
            });
        } catch (RuntimeException e) {
            // another instance of the service (same database) stored this witness's cosignature first: one is enough
            if (cosignaturesOf(checkpoint).stream().noneMatch(c -> c.witness.equals(witness.name()))) {
                throw e;
            }
        }
        unreachableUntil.remove(witness.name());
        refusals.remove(witness.name());
        LOG.debugf("witness %s cosigned the checkpoint of size %d", witness.name(), checkpoint.treeSize);
    }

    /** The witness says the log's history changed: never publish, say so loudly. */
    private void refused(Witness witness, Checkpoint checkpoint, String reason) {
        LOG.errorf("witness %s refused the checkpoint of size %d: %s. The checkpoint is not published; check the log "
                + "with POST /audit/verify and the witness's latest cosigned checkpoint", witness.name(), checkpoint.treeSize,
                reason);
        refusals.put(witness.name(), new Refusal(witness.name(), checkpoint.treeSize, reason, clock.instant()));
        metrics.counter("audit.witness.refusals", "witness", witness.name()).increment();
    }

    /** A misconfiguration or a misbehaving witness: no cosignature from it until it is fixed. */
    private void failed(Witness witness, Checkpoint checkpoint, String reason) {
        LOG.errorf("witness %s did not cosign the checkpoint of size %d: %s", witness.name(), checkpoint.treeSize, reason);
        metrics.counter("audit.witness.failures", "witness", witness.name()).increment();
        unreachableUntil.put(witness.name(), clock.instant().plus(retryAfter));
    }

    /** A witness that is down delays cosigning; it is tried again after a while. */
    private void unreachable(Witness witness, Checkpoint checkpoint, String reason) {
        LOG.warnf("witness %s is unreachable (%s); the checkpoint of size %d waits for its cosignature", witness.name(),
                reason, checkpoint.treeSize);
        metrics.counter("audit.witness.failures", "witness", witness.name()).increment();
        unreachableUntil.put(witness.name(), clock.instant().plus(retryAfter));
    }

    private static Long parseSize(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (!type.startsWith("text/x.tlog.size") || body == null || !body.matches("(0|[1-9][0-9]{0,18})\n")) {
            return null;
        }
        try {
            return Long.parseLong(body.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Seconds since the latest checkpoint the quorum cosigned was signed; NaN before there is one. */
    public double latestCosignedAgeSeconds() {
        OffsetDateTime at = latestCosignedAt.get();
        return at == null ? Double.NaN : Duration.between(at.toInstant(), clock.instant()).toMillis() / 1000.0;
    }

    /**
     * The latest checkpoint each witness holds for this log, read from its monitoring endpoint
     * ({@code GET <url>/latest-checkpoint?origin=}, audit-witness's read API) and checked: the log's signature and the
     * witness's cosignature. Used by verify to compare the log with what the witnesses saw.
     */
    public Map<Witness, Optional<String>> latestHeldByWitnesses(String origin, byte[] logKey) {
        Map<Witness, Optional<String>> held = new LinkedHashMap<>();
        for (Witness witness : witnesses) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(witness.url()
                        + "/latest-checkpoint?origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8)))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 404) {
                    held.put(witness, Optional.empty());
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                String note = response.body();
                SignedNote.verify(note, origin, logKey);
                if (Cosignature.verify(note, witness.name(), witness.publicKey()).isEmpty()) {
                    throw new IllegalArgumentException("no cosignature by the witness's key");
                }
                held.put(witness, Optional.of(note));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warnf("cannot read the latest checkpoint held by witness %s: %s", witness.name(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return held;
    }
}
