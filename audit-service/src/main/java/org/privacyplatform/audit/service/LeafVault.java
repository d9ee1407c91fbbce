package org.privacyplatform.audit.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.AEADBadTagException;

import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.crypto.Aead;
import org.privacyplatform.audit.crypto.LeafCipher;
import org.privacyplatform.audit.crypto.MasterKeys;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.privacy.Pseudonyms;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The log's secrets: subjects' data keys (created on a subject's first event, wrapped by the configured master key,
 * loaded and created a batch at a time) and the texts of leaves, decrypted for whoever may read them. A subject is
 * found by their platform pseudonym, never by their id.
 */
@ApplicationScoped
public class LeafVault {

    private final MasterKeys masterKeys;
    private final LogRepository log;
    private final Pseudonyms pseudonyms;

    public LeafVault(AuditConfig config, LogRepository log, Pseudonyms pseudonyms) {
        this.masterKeys = new MasterKeys(config.masterKeyId(), config.masterKeys());
        this.log = log;
        this.pseudonyms = pseudonyms;
    }

    /** The pseudonym of a subject id, the key of the subject index and of the subject's data key. */
    public String pseudonymOf(String subjectId) {
        return pseudonyms.of(subjectId);
    }

    /**
     * The index keys a caller's subject id is found under: its pseudonym; and the value itself when it already is a
     * pseudonym (a shredding's RetentionExpired and EvidenceShredded name the pseudonym, not the id).
     */
    public List<String> lookupKeys(String subjectId) {
        List<String> keys = new ArrayList<>(2);
        keys.add(pseudonyms.of(subjectId));
        if (Pseudonyms.looksLikePseudonym(subjectId)) {
            keys.add(subjectId);
        }
        return keys;
    }

    /**
     * The leaf of the subject's latest completed erasure, if any: their events up to it are sealed (the dpo and
     * auditors only); a subject who came back has events after it.
     */
    public java.util.OptionalLong sealedThrough(String subjectId) {
        return log.sealedThrough(lookupKeys(subjectId));
    }

    /** The data keys of these references, creating (and storing) those that have none: one query, one batch insert. */
    Map<String, byte[]> keysForAppend(Aead aead, Set<String> keyRefs, OffsetDateTime now) {
        Map<String, byte[]> keys = keys(aead, keyRefs);
        Map<String, MasterKeys.Wrapped> created = new HashMap<>();
        for (String keyRef : keyRefs) {
            if (!keys.containsKey(keyRef)) {
                byte[] key = Aead.randomBytes(Aead.KEY_BYTES);
                keys.put(keyRef, key);
                created.put(keyRef, masterKeys.wrap(aead, keyRef, key));
            }
        }
        log.insertDataKeys(created, now);
        return keys;
    }

    /** The existing data keys of these references, unwrapped; a reference without a key (shredded) is absent. */
    Map<String, byte[]> keys(Aead aead, Set<String> keyRefs) {
        Map<String, byte[]> keys = new HashMap<>();
        log.dataKeys(keyRefs).forEach((keyRef, wrapped) -> keys.put(keyRef, masterKeys.unwrap(aead, keyRef, wrapped)));
        return keys;
    }

    byte[] unwrap(Aead aead, String keyRef, MasterKeys.Wrapped wrapped) {
        return masterKeys.unwrap(aead, keyRef, wrapped);
    }

    /**
     * The texts of these leaves, decrypted (two queries however many leaves: texts, then keys). A leaf whose text
     * and key are gone was shredded: empty. A text that no longer decrypts as its leaf is an error, never hidden.
     */
    public Map<Long, Optional<String>> texts(Collection<AuditLeaf> leaves) {
        Map<Long, byte[]> hashes = new HashMap<>();
        leaves.forEach(leaf -> hashes.put(leaf.leafIndex, leaf.leafHash));
        Map<Long, LogRepository.LeafText> stored = log.texts(hashes.keySet());
        Set<String> keyRefs = new HashSet<>();
        stored.values().forEach(text -> keyRefs.add(text.keyRef()));
        Aead aead = new Aead();
        Map<String, byte[]> keys = keys(aead, keyRefs);
        Map<Long, Optional<String>> texts = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (var leaf : hashes.entrySet()) {
            LogRepository.LeafText text = stored.get(leaf.getKey());
            if (text == null) {
                missing.add(leaf.getKey());
                continue;
            }
            byte[] key = keys.get(text.keyRef());
            if (key == null) {
                throw new IllegalStateException("leaf " + leaf.getKey() + " has a text but its data key is gone");
            }
            try {
                texts.put(leaf.getKey(), Optional.of(LeafCipher.decrypt(aead, key, text.nonce(), text.ciphertext(), leaf.getValue())));
            } catch (AEADBadTagException e) {
                throw new IllegalStateException("the text of leaf " + leaf.getKey() + " does not decrypt as that leaf: "
                        + "altered or moved (POST /audit/verify names it)");
            }
        }
        if (!missing.isEmpty()) {
            // leaves appended before encryption whose text the service has not encrypted yet (start-up)
            Map<Long, String> staged = log.stagedTexts(missing);
            missing.forEach(index -> texts.put(index, Optional.ofNullable(staged.get(index))));
        }
        return texts;
    }
}
