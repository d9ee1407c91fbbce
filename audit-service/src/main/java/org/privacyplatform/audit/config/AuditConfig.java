package org.privacyplatform.audit.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "audit")
public interface AuditConfig {

    /** The log's name in its checkpoints (the C2SP origin line), also the signing key's name. */
    String origin();

    Signing signing();

    Checkpoint checkpoint();

    /**
     * The master key that wraps new data keys (an id of {@link #masterKeys()}). Production: AUDIT_MASTER_KEY_ID.
     */
    String masterKeyId();

    /**
     * Every master key by id, {@code id:base64} (32 bytes, AES-256), comma-separated: the current one and those that
     * wrapped older data keys. Production: AUDIT_MASTER_KEYS.
     */
    List<String> masterKeys();

    interface Signing {
        /** Base64 Ed25519 seed (32 bytes). Production: AUDIT_SIGNING_PRIVATE_KEY. */
        String privateKey();

        /** Base64 Ed25519 public key (32 bytes). Production: AUDIT_SIGNING_PUBLIC_KEY. */
        String publicKey();
    }

    interface Checkpoint {
        /** How often a checkpoint is signed when the log has grown ("off" disables; also read by @Scheduled). */
        @WithDefault("PT1M")
        String every();
    }

    /**
     * The calling systems (OIDC client ids, role {@code service}) that may read a subject's audit trail: the one
     * that assembles the subject's access export. Every other service is refused; auditor and dpo read it as ever.
     */
    @WithDefault("rights-request-service")
    List<String> subjectReaders();

    /**
     * The witnesses that cosign checkpoints, each {@code <name> <submission URL prefix> <base64 Ed25519 public key>}
     * (AUDIT_WITNESSES, comma-separated). None: checkpoints are published uncosigned, which only the local, dev and
     * test profiles allow (production requires this setting).
     */
    Optional<List<String>> witnesses();

    /** How many of the witnesses must cosign a checkpoint before it is published; all of them by default. */
    OptionalInt witnessQuorum();

    /** How long one submission to a witness may take (connect and answer). */
    @WithDefault("PT5S")
    Duration witnessTimeout();

    /** How long a witness that could not be reached is left alone before the next submission. */
    @WithDefault("PT10S")
    Duration witnessRetryAfter();
}
