package org.privacyplatform.audit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;

/**
 * The master keys that wrap the log's data keys (envelope encryption), from configuration: {@code audit.master-keys}
 * lists every key by id ({@code id:base64 of 32 bytes}), {@code audit.master-key-id} names the one that wraps new
 * data keys. A wrapped key records the id of the master key that wrapped it, so a rotation adds a key and moves
 * {@code audit.master-key-id}; keys wrapped before keep unwrapping with the old key while it stays listed.
 *
 * <p>Wrapped = nonce (12 bytes) || AES-256-GCM(master key, data key) || tag, with the associated data
 * {@code "audit-data-key:" + keyRef}, so a wrapped key moved to another subject's row does not unwrap.
 */
public final class MasterKeys {

    /** The wrapped form of a data key and the id of the master key that wrapped it. */
    public record Wrapped(String masterKeyId, byte[] wrapped) {
    }

    private final String currentId;
    private final Map<String, byte[]> keys = new HashMap<>();

    /** @param keys entries {@code id:base64}; ids of letters, digits, '.', '_' and '-', at most 64 characters */
    public MasterKeys(String currentId, List<String> keys) {
        for (String entry : keys) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("audit.master-keys: each entry is id:base64-key (an id of at most 64 "
                        + "letters, digits, '.', '_' or '-')");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("audit.master-keys: the key " + id + " is not base64");
            }
            if (key.length != Aead.KEY_BYTES) {
                throw new IllegalArgumentException("audit.master-keys: the key " + id + " is not 32 bytes (AES-256)");
            }
            if (this.keys.put(id, key) != null) {
                throw new IllegalArgumentException("audit.master-keys: the id " + id + " is listed twice");
            }
        }
        if (!this.keys.containsKey(currentId)) {
            throw new IllegalArgumentException("audit.master-key-id " + currentId + " is not one of audit.master-keys");
        }
        this.currentId = currentId;
    }

    public String currentId() {
        return currentId;
    }

    public Wrapped wrap(Aead aead, String keyRef, byte[] dataKey) {
        byte[] nonce = Aead.newNonce();
        byte[] sealed = aead.seal(keys.get(currentId), nonce, dataKey, aad(keyRef));
        byte[] wrapped = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
        return new Wrapped(currentId, wrapped);
    }

    public byte[] unwrap(Aead aead, String keyRef, Wrapped wrapped) {
        byte[] master = keys.get(wrapped.masterKeyId());
        if (master == null) {
            throw new IllegalStateException("the data key " + keyRef + " is wrapped by master key " + wrapped.masterKeyId()
                    + ", which audit.master-keys no longer lists");
        }
        byte[] bytes = wrapped.wrapped();
        if (bytes.length <= Aead.NONCE_BYTES) {
            throw new IllegalStateException("the data key " + keyRef + " is not a wrapped key");
        }
        try {
            return aead.open(master, Arrays.copyOf(bytes, Aead.NONCE_BYTES),
                    Arrays.copyOfRange(bytes, Aead.NONCE_BYTES, bytes.length), aad(keyRef));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the data key " + keyRef + " does not unwrap with master key "
                    + wrapped.masterKeyId() + ": altered, or wrapped for another key reference");
        }
    }

    private static byte[] aad(String keyRef) {
        return ("audit-data-key:" + keyRef).getBytes(StandardCharsets.UTF_8);
    }
}
