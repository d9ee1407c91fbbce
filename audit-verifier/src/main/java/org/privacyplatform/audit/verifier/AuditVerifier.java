package org.privacyplatform.audit.verifier;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.privacyplatform.audit.checkpoint.Ed25519Keys;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The offline verifier: checks what the audit service hands out (an evidence bundle, or one proof with its
 * signed checkpoints) with nothing but the files and the log's public key: no access to the service or its
 * database. See {@link #USAGE}.
 *
 * <p>Prints one line per check ({@code ok   ...} or {@code FAIL ...}), then {@code valid} or {@code INVALID: <n>
 * checks failed}. Exit status: 0 valid, 1 invalid, 2 usage error or unreadable input.
 */
public final class AuditVerifier {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    static final String USAGE = """
            audit-verifier: checks the audit log's evidence offline (RFC 9162 Merkle proofs, C2SP signed
            checkpoints, Ed25519), without access to the audit service or its database.

            Usage:
              java -jar audit-verifier.jar [--public-key KEY] BUNDLE
                  An evidence bundle, as GET /audit/subjects/{subjectId}/evidence serves it (BUNDLE - reads
                  standard input). Checks the key, the checkpoint's signature and fields, and per event: the
                  leaf hash recomputed from the canonical text, that text's id and subject, the leaf index, and
                  the inclusion proof against the checkpoint. Without --public-key the bundle's own key is used,
                  with a warning: an auditor pins the log's key, obtained independently.

              java -jar audit-verifier.jar --public-key KEY --checkpoint CHECKPOINT --inclusion PROOF --leaf LEAF
                  One inclusion proof (GET /audit/proofs/inclusion/{eventId}?treeSize=N) against a checkpoint of
                  that tree size (GET /audit/checkpoint). LEAF is a file with the event's canonical text (the
                  "canonical" of GET /audit/events/{eventId}); one trailing newline is ignored.

              java -jar audit-verifier.jar --public-key KEY --checkpoint OLD --checkpoint NEW --consistency PROOF
                  One consistency proof (GET /audit/proofs/consistency?from=M&to=N) between two checkpoints of
                  tree sizes M and N, in either order: the newer tree extends the older one (append-only).

              java -jar audit-verifier.jar --help

            Witnesses (any form): --witness NAME=BASE64KEY (repeatable) pins a witness by its key name and raw
            32-byte Ed25519 key (GET /audit/witnesses, better: as the witness's operator published it); each
            checkpoint must then carry valid cosignature/v1 lines by at least --quorum N of them (default: all).

            KEY: the raw 32-byte Ed25519 public key in base64, or a file holding that base64 or the JSON of
            GET /audit/public-key.

            Output: one line per check, "ok   ..." or "FAIL ..." (WARN lines are not checks), then "valid" or
            "INVALID: <n> checks failed".
            Exit status: 0 valid, 1 invalid, 2 usage error or unreadable input.
            """;

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Everything {@link #main} does except exiting: the exit status is returned.
     *
     * @param stdin read for a file named {@code -}
     * @param out   the report
     * @param err   usage errors and unreadable input
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Json.InputError e) {
            err.println("audit-verifier: " + e.getMessage());
            err.println("Try --help.");
            return UNUSABLE;
        }
        if (options.help) {
            out.print(USAGE);
            out.flush();
            return VALID;
        }
        try {
            byte[] key = options.publicKey == null ? null : publicKey(options.publicKey, stdin);
            Report report = new Report(out);
            if (options.inclusion != null) {
                JsonNode checkpoint = readObject(options.checkpoints.get(0), stdin);
                JsonNode proof = readObject(options.inclusion, stdin);
                byte[] leaf = withoutTrailingNewline(Json.readBytes(options.leaf, stdin));
                ProofCheck.inclusion(checkpoint, key, options.witnessing(), proof, leaf, report);
            } else if (options.consistency != null) {
                JsonNode first = readObject(options.checkpoints.get(0), stdin);
                JsonNode second = readObject(options.checkpoints.get(1), stdin);
                JsonNode proof = readObject(options.consistency, stdin);
                ProofCheck.consistency(first, second, key, options.witnessing(), proof, report);
            } else {
                BundleCheck.check(readObject(options.bundle, stdin), key, options.witnessing(), report);
            }
            int status = report.finish();
            out.flush();
            return status;
        } catch (Json.InputError e) {
            out.flush();
            err.println("audit-verifier: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static JsonNode readObject(String file, InputStream stdin) throws Json.InputError {
        return Json.object(Json.utf8(Json.readBytes(file, stdin), file), file);
    }

    /**
     * The key to trust: base64 of the raw 32 bytes, or a file with that base64 or with the JSON the service
     * publishes ({@code {"origin", "keyId", "algorithm": "Ed25519", "publicKey"}}).
     */
    static byte[] publicKey(String value, InputStream stdin) throws Json.InputError {
        String text = value;
        String what = "--public-key";
        if (isFile(value)) {
            what = value;
            text = Json.utf8(Json.readBytes(value, stdin), value).strip();
            if (text.startsWith("{")) {
                JsonNode json = Json.object(text, value);
                JsonNode algorithm = json.get("algorithm");
                if (algorithm != null && !"Ed25519".equals(algorithm.asText())) {
                    throw new Json.InputError(value + ": the algorithm is " + algorithm.asText() + ", not Ed25519");
                }
                text = Json.string(json, "publicKey", value);
                what = value + ": publicKey";
            }
        }
        try {
            return Json.base64(text.strip(), what, Ed25519Keys.KEY_LENGTH);
        } catch (Json.InputError e) {
            throw new Json.InputError(e.getMessage() + " (expected the raw 32-byte Ed25519 public key in base64, or a "
                    + "file holding it)");
        }
    }

    private static boolean isFile(String value) {
        try {
            return Files.isRegularFile(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** {@code jq -r .canonical} and editors add a final newline; a canonical JSON text never ends in one. */
    private static byte[] withoutTrailingNewline(byte[] bytes) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        return Arrays.copyOf(bytes, end);
    }

    /** The command line, checked for one of the three forms. */
    private static final class Options {

        boolean help;
        String publicKey;
        final List<String> checkpoints = new ArrayList<>();
        String inclusion;
        String leaf;
        String consistency;
        String bundle;
        final List<Witnessing.Pinned> witnesses = new ArrayList<>();
        Integer quorum;

        Witnessing witnessing() {
            return witnesses.isEmpty() ? Witnessing.NONE
                    : new Witnessing(List.copyOf(witnesses), quorum == null ? witnesses.size() : quorum);
        }

        static Options parse(String[] args) throws Json.InputError {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> options.help = true;
                    case "--public-key" -> options.publicKey = once(options.publicKey, arg, value(args, ++i, arg));
                    case "--checkpoint" -> options.checkpoints.add(value(args, ++i, arg));
                    case "--inclusion" -> options.inclusion = once(options.inclusion, arg, value(args, ++i, arg));
                    case "--leaf" -> options.leaf = once(options.leaf, arg, value(args, ++i, arg));
                    case "--consistency" -> options.consistency = once(options.consistency, arg, value(args, ++i, arg));
                    case "--witness" -> options.witnesses.add(witness(value(args, ++i, arg)));
                    case "--quorum" -> options.quorum = quorum(options.quorum, value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new Json.InputError("unknown option " + arg);
                        }
                        options.bundle = once(options.bundle, "a bundle", arg);
                    }
                }
            }
            if (!options.help) {
                options.validate();
            }
            return options;
        }

        /** NAME=BASE64KEY: the witness's key name (no '=' in it) and its raw 32-byte Ed25519 key. */
        private static Witnessing.Pinned witness(String value) throws Json.InputError {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new Json.InputError("--witness takes NAME=BASE64KEY, e.g. example.com/witness=R3vI...=");
            }
            String name = value.substring(0, equals);
            byte[] key = Json.base64(value.substring(equals + 1).strip(), "--witness " + name, Ed25519Keys.KEY_LENGTH);
            try {
                org.privacyplatform.audit.checkpoint.Cosignature.keyId(name, key);
            } catch (IllegalArgumentException e) {
                throw new Json.InputError("--witness: " + e.getMessage());
            }
            return new Witnessing.Pinned(name, key);
        }

        private static Integer quorum(Integer previous, String value) throws Json.InputError {
            once(previous == null ? null : previous.toString(), "--quorum", value);
            try {
                int quorum = Integer.parseInt(value);
                if (quorum >= 1) {
                    return quorum;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new Json.InputError("--quorum takes a number of witnesses, at least 1");
        }

        private void validate() throws Json.InputError {
            if (quorum != null && quorum > witnesses.size()) {
                throw new Json.InputError("--quorum " + quorum + " is more than the " + witnesses.size()
                        + " witnesses given with --witness");
            }
            if (witnesses.stream().map(Witnessing.Pinned::name).distinct().count() != witnesses.size()) {
                throw new Json.InputError("a --witness is given twice");
            }
            if (inclusion != null && consistency != null) {
                throw new Json.InputError("--inclusion and --consistency are two different checks: give one");
            }
            if (inclusion != null || consistency != null || leaf != null || !checkpoints.isEmpty()) {
                if (bundle != null) {
                    throw new Json.InputError("a bundle is checked on its own: give either BUNDLE or --checkpoint ...");
                }
                if (publicKey == null) {
                    throw new Json.InputError("--public-key is required to check checkpoints");
                }
            }
            if (inclusion != null) {
                if (checkpoints.size() != 1 || leaf == null) {
                    throw new Json.InputError("--inclusion needs one --checkpoint and a --leaf");
                }
            } else if (consistency != null) {
                if (checkpoints.size() != 2 || leaf != null) {
                    throw new Json.InputError("--consistency needs two --checkpoint (and no --leaf)");
                }
            } else if (!checkpoints.isEmpty() || leaf != null) {
                throw new Json.InputError("--checkpoint needs --inclusion (with --leaf) or --consistency");
            } else if (bundle == null) {
                throw new Json.InputError("nothing to verify: give a bundle file");
            }
        }

        private static String value(String[] args, int i, String option) throws Json.InputError {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new Json.InputError(option + " needs a value");
            }
            return args[i];
        }

        private static String once(String previous, String what, String value) throws Json.InputError {
            if (previous != null) {
                throw new Json.InputError(what + " is given twice");
            }
            return value;
        }
    }
}
