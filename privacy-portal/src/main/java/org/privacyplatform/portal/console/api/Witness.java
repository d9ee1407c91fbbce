package org.privacyplatform.portal.console.api;

/** A witness that cosigns the log's checkpoints: its key name, submission prefix and raw Ed25519 key (base64). */
public record Witness(String name, String url, String publicKey) {
}
