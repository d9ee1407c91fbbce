package org.privacyplatform.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.privacyplatform.consent.config.ConsentConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The keyed pseudonym that replaces a subject id in the consent history after erasure: stable (the DPO
 * can still find the proof when the subject's id is presented in a claim) and not reversible without the key.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(ConsentConfig config) {
        this.key = new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String subjectId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
            return "ps-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
