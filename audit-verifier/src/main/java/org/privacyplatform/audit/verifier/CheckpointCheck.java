package org.privacyplatform.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a checkpoint as {@code GET /audit/checkpoint} serves it ({@code {"origin", "treeSize", "rootHash",
 * "timestamp", "keyId", "signature", "note"}}) against a trusted key: the C2SP note is signed by the key under
 * the origin's name, the note's body says exactly the origin, tree size and root hash of the fields, the key ID
 * is the key's, and the bare signature verifies over that body. The timestamp is not signed and not checked.
 */
final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** The checkpoint's fields, each null when missing or malformed (already reported as a failure). */
    record Values(String origin, Long treeSize, byte[] rootHash) {

        boolean usable() {
            return treeSize != null && rootHash != null;
        }

        String describe() {
            return "root " + Json.hex(rootHash) + " of tree size " + treeSize;
        }
    }

    /**
     * Reports one line per check under {@code label} and returns the fields, which the proofs are then checked
     * against (their binding to the signature is one of the checks).
     *
     * @param key the raw 32-byte key to verify with, or null when there is no usable one
     */
    static Values check(String label, JsonNode checkpoint, byte[] key, Witnessing witnessing, Report report) {
        String origin = report.read(label, () -> Json.string(checkpoint, "origin", ""));
        Long treeSize = report.read(label, () -> Json.count(checkpoint, "treeSize", ""));
        byte[] rootHash = report.read(label, () -> Json.hash(checkpoint, "rootHash", ""));
        String keyId = report.read(label, () -> Json.string(checkpoint, "keyId", ""));
        byte[] signature = report.read(label,
                () -> Json.base64(checkpoint, "signature", "", Ed25519Keys.SIGNATURE_LENGTH));
        String note = report.read(label, () -> Json.string(checkpoint, "note", ""));

        String body = null;
        if (origin != null && treeSize != null && rootHash != null) {
            try {
                body = SignedNote.checkpointBody(origin, treeSize, rootHash);
            } catch (IllegalArgumentException e) {
                report.fail(label + ": " + e.getMessage());
            }
        }

        if (note != null && origin != null) {
            if (key == null) {
                report.fail(label + ": the note's signature cannot be checked: no usable public key");
            } else {
                try {
                    SignedNote.verify(note, origin, key);
                    report.ok(label + ": the note's signature by " + origin + " verifies with the key");
                } catch (IllegalArgumentException e) {
                    report.fail(label + ": the note's signature: " + e.getMessage());
                }
            }
        }

        if (note != null) {
            checkCosignatures(label, note, witnessing, report);
        }

        if (note != null && body != null) {
            String noteBody = noteBody(note);
            report.check(body.equals(noteBody),
                    label + ": the signed note is of origin " + origin + ", tree size " + treeSize + " and root hash "
                            + Json.hex(rootHash),
                    label + ": the fields are not what the note signs: " + differences(noteBody, origin, treeSize,
                            rootHash));
        }

        if (keyId != null && origin != null && key != null) {
            String expected = keyIdOf(origin, key);
            report.check(keyId.equalsIgnoreCase(expected), label + ": keyId " + keyId + " is the key's",
                    label + ": keyId " + keyId + " is not the key's (" + expected + ")");
        }

        if (signature != null && body != null && key != null) {
            report.check(Ed25519Keys.verify(key, body.getBytes(StandardCharsets.UTF_8), signature),
                    label + ": the signature field verifies over the checkpoint body",
                    label + ": the signature field does not verify with the key over the checkpoint body (origin, "
                            + "tree size, root hash)");
        }
        return new Values(origin, treeSize, rootHash);
    }

    /**
     * The witnesses' cosignatures in the note (C2SP cosignature/v1): each pinned witness's is verified, and at least the
     * quorum of them must be there. Without pinned witnesses, cosignature lines are only mentioned (WARN).
     */
    private static void checkCosignatures(String label, String note, Witnessing witnessing, Report report) {
        SignedNote.Parsed parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (IllegalArgumentException e) {
            return; // the note's form is already reported with its signature
        }
        if (!witnessing.pinned()) {
            if (parsed.signatures().size() > 1) {
                report.warn(label + ": the note carries " + (parsed.signatures().size() - 1) + " more signature line(s), "
                        + "e.g. witness cosignatures, that are not checked: pin the witnesses with --witness NAME=KEY");
            }
            return;
        }
        List<String> cosigned = new ArrayList<>();
        for (Witnessing.Pinned witness : witnessing.witnesses()) {
            try {
                List<Cosignature.Verified> found = Cosignature.verify(parsed.body(), parsed.signatures(), witness.name(),
                        witness.publicKey());
                if (!found.isEmpty()) {
                    cosigned.add(witness.name());
                    report.ok(label + ": cosigned by witness " + witness.name() + " at "
                            + java.time.Instant.ofEpochSecond(found.get(0).timestamp()));
                }
            } catch (IllegalArgumentException e) {
                report.fail(label + ": " + e.getMessage());
            }
        }
        int pinned = witnessing.witnesses().size();
        report.check(cosigned.size() >= witnessing.quorum(),
                label + ": cosigned by " + cosigned.size() + " of the " + pinned + " pinned witnesses (quorum "
                        + witnessing.quorum() + ")",
                label + ": cosigned by " + cosigned.size() + " of the " + pinned + " pinned witnesses, below the quorum of "
                        + witnessing.quorum() + ": nothing shows that independent witnesses saw this checkpoint extend "
                        + "the history they saw before");
    }

    /** The key ID the log uses for {@code key} under {@code origin}, or a description of why there is none. */
    static String keyIdOf(String origin, byte[] key) {
        try {
            return SignedNote.keyId(origin, key);
        } catch (IllegalArgumentException e) {
            return "none: " + e.getMessage();
        }
    }

    /** The note's text up to its last blank line (what the signature covers), or all of it if it has none. */
    private static String noteBody(String note) {
        int separator = note.lastIndexOf("\n\n");
        return separator < 0 ? note : note.substring(0, separator + 1);
    }

    private static String differences(String noteBody, String origin, long treeSize, byte[] rootHash) {
        String[] lines = noteBody.split("\n", -1);
        if (lines.length < 4) {
            return "the note's text is not a checkpoint (origin, tree size and root hash lines)";
        }
        List<String> differences = new ArrayList<>();
        if (!lines[0].equals(origin)) {
            differences.add("origin " + origin + " in the fields, " + lines[0] + " in the note");
        }
        if (!lines[1].equals(Long.toString(treeSize))) {
            differences.add("tree size " + treeSize + " in the fields, " + lines[1] + " in the note");
        }
        if (!lines[2].equals(Base64.getEncoder().encodeToString(rootHash))) {
            differences.add("root hash " + Json.hex(rootHash) + " in the fields, " + rootInNote(lines[2]) + " in the note");
        }
        if (lines.length > 4) {
            differences.add("the note has " + (lines.length - 4) + " more line(s)");
        }
        return differences.isEmpty() ? "the note's text differs" : String.join("; ", differences);
    }

    private static String rootInNote(String line) {
        try {
            return Json.hex(Base64.getDecoder().decode(line));
        } catch (IllegalArgumentException e) {
            return "'" + line + "' (not base64)";
        }
    }
}
