package org.privacyplatform.audit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.merkle.Canonical;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.service.AuditLog;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.events.Topics;

/**
 * Known answers for the leaf: for a fixed event, salt, data key and nonce, the leaf text, leaf hash and ciphertext
 * are constants computed independently of this code, with Python 3 (json.dumps with sort_keys=True,
 * separators=(",", ":") and ensure_ascii=False, which is RFC 8785 for an event of strings and null; hashlib.sha256;
 * AESGCM of the `cryptography` package, 48.0.0):
 *
 * <pre>
 * text = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 * leaf_hash = hashlib.sha256(b"\x00" + text.encode()).digest()
 * ciphertext = AESGCM(bytes(range(0x20, 0x40))).encrypt(bytes(range(0xa0, 0xac)), text.encode(), leaf_hash)
 * </pre>
 *
 * where the event is the record below in structured mode with {@code "auditsalt"} = base64url(bytes(range(16))),
 * unpadded.
 */
class LeafKnownAnswerTest {

    private static final String SUBJECT = "a11ce000-0000-4000-8000-000000000001";
    private static final byte[] SALT = range(0x00, 16);
    private static final byte[] DATA_KEY = range(0x20, 32);
    private static final byte[] NONCE = range(0xa0, 12);

    private static final String LEAF_TEXT = "{\"auditsalt\":\"AAECAwQFBgcICQoLDA0ODw\",\"data\":{\"expiresAt\":null,\"grantedAt\":\"2026" +
            "-11-27T10:00:00.000Z\",\"legalBasis\":\"CONSENT\",\"noticeVersion\":\"2026-\u00e9t\u00e9 \u20ac\",\"purpo" +
            "seId\":\"newsletter\",\"source\":\"web\",\"subjectId\":\"a11ce000-0000-4000-8000-000000000" +
            "001\"},\"datacontenttype\":\"application/json\",\"id\":\"8d2f3f1e-5a7b-4c1d-9e2f-0a1b2c3" +
            "d4e5f\",\"source\":\"/consent-service\",\"specversion\":\"1.0\",\"subject\":\"a11ce000-0000-" +
            "4000-8000-000000000001\",\"time\":\"2026-11-27T10:00:00.000Z\",\"type\":\"ConsentGranted" +
            "\"}";
    private static final String LEAF_HASH = "38b2a663639243f78e96ced5c384d0fbbcc87e7972a68ed6e1d3ab922ac1952c";
    private static final String CIPHERTEXT = "051ec541a0bef4d9c044d9981c7f37e7d43c80706df264456cdb88a8bc2aebb92f1a79c32485e11eab96b2cf740dbf9b" +
            "0e23125e92f6f11b5354f619e3aad1e03f15b3e2d5b90c907061897abd65bb5c409b0f501019bccecaae0f8434761b7f" +
            "047eee6acf197c20660663b29437b58bde8e4822c4ad2f96185b6ac8894f772733540591079306880c3fb94e57712cae" +
            "b8f6d293324dd26f769f0facacdc198331eaa230ab175c484eb14a781c28248b9b618481714cd7d21f011a0680bde49b" +
            "a7f187d778ca853321fef0acc5b36c47827483d5d0bb1bbbb7a63b78a3e12468df38145085b673f847ec91307f15be06" +
            "ba5876aaf6383504f5e9b82f1fef619d20aaf8ac29f126bce1fdaf9a4395f945e038abba1a89a8e782b495998a646668" +
            "fe93e11602ecc2fd3305e6f6dc0aabf09e5b4fbb77d74f1188d27d4c316f1fd9769c49ff4583884555f6172e65b968b8" +
            "b7eb2f6b779fb7888cb3ddb5ec6fded3f8221f2b6074328084fb703536ae9aba467b400b60ee2690277223ec51bd2cb0" +
            "362fadafb6dc8c19cda66702854eea6f682e51eca80f150f54f6358b4f4096bf54d243e6a1f8fcc767ee557f36f6f4be" +
            "b5fe33d53213c5fdf5da0c2b523a660b320f561c82a3ff5049359d7b6cd2899efd9bb8c052aaaff7c42e236ad113a9c0" +
            "489155853ae47425f8834fdfa17c0e6bc304cb24f5aa";

    @Test
    void theLeafTextHashAndCiphertextOfAFixedEventAreTheIndependentlyComputedOnes() throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CONSENT, 0, 0L, SUBJECT,
                "{\"subjectId\":\"" + SUBJECT + "\",\"purposeId\":\"newsletter\",\"legalBasis\":\"CONSENT\","
                        + "\"noticeVersion\":\"2026-\u00e9t\u00e9 \u20ac\",\"source\":\"web\","
                        + "\"grantedAt\":\"2026-11-27T10:00:00.000Z\",\"expiresAt\":null}");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", "8d2f3f1e-5a7b-4c1d-9e2f-0a1b2c3d4e5f");
        header(record, "ce_source", "/consent-service");
        header(record, "ce_type", "ConsentGranted");
        header(record, "ce_subject", SUBJECT);
        header(record, "ce_time", "2026-11-27T10:00:00.000Z");
        // a producer's own salt is replaced by the log's
        header(record, "ce_auditsalt", "chosen-by-the-producer");
        header(record, "content-type", CloudEvent.DATA_CONTENT_TYPE);
        CloudEvent accepted = new EventContract().accept(record);

        String text = Canonical.canonicalize(AuditLog.leafEvent(record, accepted, LeafCipher.salt(SALT)));
        byte[] leafHash = MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = LeafCipher.encrypt(new Aead(), DATA_KEY, NONCE, text, leafHash);

        assertThat(text).isEqualTo(LEAF_TEXT);
        assertThat(MerkleHashes.toHex(leafHash)).isEqualTo(LEAF_HASH);
        assertThat(HexFormat.of().formatHex(ciphertext)).isEqualTo(CIPHERTEXT);
        assertThat(LeafCipher.decrypt(new Aead(), DATA_KEY, NONCE, ciphertext, leafHash)).isEqualTo(LEAF_TEXT);
    }

    @Test
    void aCiphertextDecryptsOnlyAsItsOwnLeafUnderItsOwnKey() {
        byte[] leafHash = HexFormat.of().parseHex(LEAF_HASH);
        byte[] ciphertext = HexFormat.of().parseHex(CIPHERTEXT);
        byte[] otherLeaf = leafHash.clone();
        otherLeaf[0] ^= 1;
        byte[] otherKey = DATA_KEY.clone();
        otherKey[31] ^= 1;
        byte[] flipped = ciphertext.clone();
        flipped[10] ^= 1;
        assertThatThrownBy(() -> LeafCipher.decrypt(new Aead(), DATA_KEY, NONCE, ciphertext, otherLeaf))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> LeafCipher.decrypt(new Aead(), otherKey, NONCE, ciphertext, leafHash))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> LeafCipher.decrypt(new Aead(), DATA_KEY, NONCE, flipped, leafHash))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aDataKeyUnwrapsWithTheMasterKeyThatWrappedItAndOnlyForItsOwnSubject() {
        String old = "old:" + java.util.Base64.getEncoder().encodeToString(range(0x40, 32));
        String current = "new:" + java.util.Base64.getEncoder().encodeToString(range(0x60, 32));
        Aead aead = new Aead();
        MasterKeys before = new MasterKeys("old", List.of(old));
        MasterKeys.Wrapped wrapped = before.wrap(aead, "p1", DATA_KEY);
        assertThat(wrapped.masterKeyId()).isEqualTo("old");
        // after a rotation, keys wrapped by the old master key still unwrap while it is listed
        MasterKeys after = new MasterKeys("new", List.of(current, old));
        assertThat(after.unwrap(aead, "p1", wrapped)).isEqualTo(DATA_KEY);
        assertThat(after.wrap(aead, "p2", DATA_KEY).masterKeyId()).isEqualTo("new");
        assertThatThrownBy(() -> after.unwrap(aead, "p2", wrapped)).hasMessageContaining("does not unwrap");
        assertThatThrownBy(() -> new MasterKeys("new", List.of(current)).unwrap(aead, "p1", wrapped))
                .hasMessageContaining("no longer lists");
        assertThatThrownBy(() -> new MasterKeys("missing", List.of(current))).hasMessageContaining("audit.master-key-id");
        assertThatThrownBy(() -> new MasterKeys("short", List.of("short:AAAA"))).hasMessageContaining("32 bytes");
        assertThat(LeafCipher.newSalt()).matches("[A-Za-z0-9_-]{22}");
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] range(int from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
