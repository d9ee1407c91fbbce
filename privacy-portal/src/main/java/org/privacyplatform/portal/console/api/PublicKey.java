package org.privacyplatform.portal.console.api;

/** The audit log's signing key: raw 32-byte Ed25519 key in base64, its key id and signed-note verifier key. */
public record PublicKey(String origin, String keyId, String algorithm, String publicKey, String verifierKey) {
}
