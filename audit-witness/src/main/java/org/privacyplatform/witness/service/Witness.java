package org.privacyplatform.witness.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.merkle.MerkleVerifier;
import org.privacyplatform.witness.config.WitnessConfig;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The witness of c2sp.org/tlog-witness: it cosigns a log's checkpoint only if the log signed it and it is consistent
 * with the latest checkpoint the witness cosigned for that log, and remembers the new one (durably) before it answers.
 */
@ApplicationScoped
public class Witness {

    private static final Logger LOG = Logger.getLogger(Witness.class);
    private static final Pattern OLD_SIZE = Pattern.compile("old (0|[1-9][0-9]{0,18})");
    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    /** Checkpoint text lines beyond origin, size and root: extension lines (opaque; the spec discourages them). */
    private static final int MAX_EXTENSION_LINES = 16;

    /** What the witness answers to add-checkpoint. */
    public sealed interface Outcome {
    }

    /** 200: the cosignature lines, each ending in a newline. */
    public record Cosigned(String signatureLines) implements Outcome {
    }

    /** 409: the old size is not the latest cosigned size (or the same size came with another root). */
    public record Conflict(long latestSize, String reason) implements Outcome {
    }

    /** 400, 403, 404 or 422 with the reason. */
    public record Refused(int status, String reason) implements Outcome {
    }

    /** A log the witness cosigns: its origin line and the key its checkpoints must be signed with. */
    public record TrustedLog(String origin, SignedNote.VerifierKey key) {
    }

    private final String name;
    private final Ed25519Keys keys;
    private final Map<String, TrustedLog> logs = new HashMap<>();
    private final StateFile stateFile;
    private final Map<String, StateFile.Latest> state;
    private final Clock clock;
    private final int maxProofLines;
    private final MeterRegistry metrics;

    public Witness(WitnessConfig config, Clock clock, MeterRegistry metrics) {
        this.name = config.name();
        this.keys = new Ed25519Keys(config.signing().privateKey(), config.signing().publicKey());
        for (String entry : config.logs()) {
            TrustedLog log = parseLog(entry);
            logs.put(log.origin(), log);
        }
        this.stateFile = new StateFile(Path.of(config.stateFile()));
        this.state = stateFile.read();
        this.clock = clock;
        this.maxProofLines = Math.min(63, config.maxProofLines());
        this.metrics = metrics;
        // a cosignature with a name that is not a valid key name would be refused by every verifier: fail at start
        Cosignature.keyId(name, keys.publicKeyRaw());
    }

    /** {@code <origin> <verifier key>}, as configured in witness.logs. */
    public static TrustedLog parseLog(String entry) {
        String[] parts = entry.strip().split(" +");
        if (parts.length != 2) {
            throw new IllegalArgumentException("witness.logs: each entry is '<origin> <verifier key>', was '" + entry + "'");
        }
        return new TrustedLog(parts[0], SignedNote.parseVerifierKey(parts[1]));
    }

    public String name() {
        return name;
    }

    public byte[] publicKey() {
        return keys.publicKeyRaw();
    }

    public List<TrustedLog> logs() {
        return List.copyOf(logs.values());
    }

    /** The latest checkpoint cosigned for a log, with the witness's cosignature appended. */
    public synchronized Optional<String> latestCosigned(String origin) {
        return Optional.ofNullable(state.get(origin)).map(latest -> latest.note() + latest.cosignature() + "\n");
    }

    /**
     * POST add-checkpoint. Synchronized: the check against the latest cosigned size and the write of the new one are
     * one step, so two concurrent requests can never roll the recorded size back (the race the spec warns of).
     */
    public synchronized Outcome addCheckpoint(byte[] requestBody) {
        Outcome outcome = decide(requestBody);
        metrics.counter("witness.add.checkpoint", "status", String.valueOf(status(outcome))).increment();
        return outcome;
    }

    private Outcome decide(byte[] requestBody) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(requestBody)).toString();
        } catch (CharacterCodingException e) {
            return badRequest("the body is not UTF-8");
        }
        // old size line
        int end = text.indexOf('\n');
        if (end < 0) {
            return badRequest("the body has no old size line");
        }
        var oldMatch = OLD_SIZE.matcher(text.substring(0, end));
        if (!oldMatch.matches()) {
            return badRequest("the first line must be 'old <size>' (decimal, no leading zeroes)");
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(oldMatch.group(1));
        } catch (NumberFormatException e) {
            return badRequest("the old size is too large");
        }
        // consistency proof lines up to the empty line
        List<byte[]> proof = new ArrayList<>();
        int position = end + 1;
        while (true) {
            int lineEnd = text.indexOf('\n', position);
            if (lineEnd < 0) {
                return badRequest("the body has no empty line before the checkpoint");
            }
            String line = text.substring(position, lineEnd);
            position = lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            if (proof.size() == maxProofLines) {
                return badRequest("more than " + maxProofLines + " consistency proof lines");
            }
            byte[] hash = strictHash(line);
            if (hash == null) {
                return badRequest("a consistency proof line is not the base64 of a 32-byte hash");
            }
            proof.add(hash);
        }
        String note = text.substring(position);
        // the checkpoint: its form, its origin, then its signature by a trusted key
        SignedNote.Parsed parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (IllegalArgumentException e) {
            return badRequest("the checkpoint is not a signed note: " + e.getMessage());
        }
        Checkpoint checkpoint = Checkpoint.parse(parsed.body());
        if (checkpoint == null) {
            return badRequest("the checkpoint's text is not origin, tree size and root hash lines");
        }
        TrustedLog log = logs.get(checkpoint.origin());
        if (log == null) {
            return new Refused(404, "unknown log origin");
        }
        try {
            SignedNote.verify(note, log.key().keyName(), log.key().publicKey());
        } catch (IllegalArgumentException e) {
            return new Refused(403, "no signature by the log's trusted key verifies");
        }
        if (oldSize > checkpoint.treeSize()) {
            return badRequest("the old size " + oldSize + " is larger than the checkpoint's size " + checkpoint.treeSize());
        }
        StateFile.Latest latest = state.get(checkpoint.origin());
        long latestSize = latest == null ? 0 : latest.treeSize();
        if (oldSize != latestSize) {
            return new Conflict(latestSize, "the old size is not the size of the latest cosigned checkpoint");
        }
        if (oldSize == 0) {
            if (!proof.isEmpty()) {
                return badRequest("the consistency proof must be empty when the old size is 0");
            }
        } else if (oldSize == checkpoint.treeSize()) {
            if (!Base64.getEncoder().encodeToString(checkpoint.rootHash()).equals(latest.rootHash())) {
                LOG.errorf("log %s presented another root hash for tree size %d than the one this witness cosigned: "
                        + "a fork (checkpoint kept below)%n%s", checkpoint.origin(), oldSize, note);
                return new Conflict(latestSize, "the same tree size with another root hash");
            }
            if (!proof.isEmpty()) {
                return new Refused(422, "the consistency proof between equal sizes must be empty");
            }
        } else if (!MerkleVerifier.verifyConsistency(oldSize, checkpoint.treeSize(),
                Base64.getDecoder().decode(latest.rootHash()), checkpoint.rootHash(), proof)) {
            // kept in the log: it may be the proof of a log's misbehaviour
            LOG.errorf("log %s presented a checkpoint of size %d that is not consistent with the one of size %d this "
                    + "witness cosigned (checkpoint kept below)%n%s", checkpoint.origin(), checkpoint.treeSize(), oldSize, note);
            return new Refused(422, "the consistency proof does not verify");
        }
        long now = clock.instant().getEpochSecond();
        String cosignature = Cosignature.sign(parsed.body(), name, keys, now);
        Map<String, StateFile.Latest> next = new TreeMap<>(state);
        next.put(checkpoint.origin(), new StateFile.Latest(checkpoint.treeSize(),
                Base64.getEncoder().encodeToString(checkpoint.rootHash()), note, cosignature));
        stateFile.write(next); // durable before the answer
        state.putAll(next);
        return new Cosigned(cosignature + "\n");
    }

    /** The HTTP status of an outcome. */
    public static int status(Outcome outcome) {
        if (outcome instanceof Refused refused) {
            return refused.status();
        }
        return outcome instanceof Conflict ? 409 : 200;
    }

    private static Refused badRequest(String reason) {
        return new Refused(400, reason);
    }

    /** Standard base64 of exactly 32 bytes, in its one canonical spelling (44 characters, one '='). */
    private static byte[] strictHash(String line) {
        if (line.length() != 44) {
            return null;
        }
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            return hash.length == 32 && Base64.getEncoder().encodeToString(hash).equals(line) ? hash : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text of a checkpoint (c2sp.org/tlog-checkpoint): origin, tree size, root hash, optional extension lines. */
    record Checkpoint(String origin, long treeSize, byte[] rootHash) {

        static Checkpoint parse(String body) {
            String[] lines = body.split("\n", -1);
            // body ends in a newline: the last element is empty
            if (lines.length < 4 || lines.length > 4 + MAX_EXTENSION_LINES) {
                return null;
            }
            for (int i = 0; i < lines.length - 1; i++) {
                if (lines[i].isEmpty()) {
                    return null;
                }
            }
            if (!TREE_SIZE.matcher(lines[1]).matches()) {
                return null;
            }
            long size;
            try {
                size = Long.parseLong(lines[1]);
            } catch (NumberFormatException e) {
                return null;
            }
            byte[] root = strictHash(lines[2]);
            return root == null ? null : new Checkpoint(lines[0], size, root);
        }
    }
}
