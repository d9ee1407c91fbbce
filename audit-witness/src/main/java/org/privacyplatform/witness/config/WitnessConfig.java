package org.privacyplatform.witness.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The witness's identity, key, state and the logs it witnesses. Production sets every value without a default
 * (the witness refuses to start without it, naming it); the committed values apply only in the local, dev and
 * test profiles.
 */
@ConfigMapping(prefix = "witness")
public interface WitnessConfig {

    /** The witness's key name in its cosignature lines (a schema-less URL, e.g. {@code example.com/witness}). */
    String name();

    Signing signing();

    /** The state file: the latest checkpoint cosigned for each log (written atomically: temp file, fsync, rename). */
    String stateFile();

    /**
     * The logs this witness cosigns, each {@code <origin> <verifier key>}: the checkpoint origin line and the log's
     * signed-note verifier key ({@code <key name>+<hex key ID>+<base64(0x01 || Ed25519 key)>}).
     */
    List<String> logs();

    /** The most consistency proof lines a request may carry (the spec's bound). */
    @WithDefault("63")
    int maxProofLines();

    interface Signing {
        /** Base64 Ed25519 seed (32 bytes). Production: WITNESS_SIGNING_PRIVATE_KEY. */
        String privateKey();

        /** Base64 Ed25519 public key (32 bytes). Production: WITNESS_SIGNING_PUBLIC_KEY. */
        String publicKey();
    }
}
