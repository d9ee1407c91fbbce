package org.privacyplatform.audit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.AEADBadTagException;

/**
 * How a leaf's text is kept: AES-256-GCM under the data key of its subject (or of the log, for events about no
 * subject), a random 96-bit nonce per leaf, and the leaf hash (32 bytes, SHA-256(0x00 || text)) as associated data,
 * so a ciphertext decrypts only as the leaf it was written for: moved to another leaf, it fails authentication.
 */
public final class LeafCipher {

    /** The key reference of the log-wide data key (a subject's is their 64-hex-digit pseudonym). */
    public static final String LOG_KEY_REF = "log";

    /** The {@code auditsalt} extension attribute: 16 random bytes, base64url without padding. */
    public static final int SALT_BYTES = 16;

    private LeafCipher() {
    }

    public static String newSalt() {
        return salt(Aead.randomBytes(SALT_BYTES));
    }

    public static String salt(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] encrypt(Aead aead, byte[] dataKey, byte[] nonce, String leafText, byte[] leafHash) {
        return aead.seal(dataKey, nonce, leafText.getBytes(StandardCharsets.UTF_8), leafHash);
    }

    public static String decrypt(Aead aead, byte[] dataKey, byte[] nonce, byte[] ciphertext, byte[] leafHash)
            throws AEADBadTagException {
        return new String(aead.open(dataKey, nonce, ciphertext, leafHash), StandardCharsets.UTF_8);
    }
}
