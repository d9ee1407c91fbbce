package org.privacyplatform.commons.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.privacyplatform.commons.PlatformConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The platform pseudonym of a subject: lowercase hex HMAC-SHA-256 of the subject id under the platform's
 * pseudonym key ({@code privacy.pseudonym.key}, one key shared by every service that must re-link). Once a
 * subject's erasure has completed, every record a service keeps about them is keyed by this value, never by the
 * id in clear; the DPO re-links by computing the pseudonym of an id a claimant presents. Stable for the
 * platform's life and not reversible without the key.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;
    /** One initialised MAC per thread ({@code doFinal} resets it): the decision API computes pseudonyms per subject. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public Pseudonyms(PlatformConfig config) {
        this(config.pseudonym().key());
    }

    public Pseudonyms(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("privacy.pseudonym.key is empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** 64 lowercase hex characters. */
    public String of(String subjectId) {
        return HexFormat.of().formatHex(macs.get().doFinal(subjectId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether a value has the shape of a pseudonym (it may still be some subject's id of that shape). */
    public static boolean looksLikePseudonym(String value) {
        return value != null && value.matches("[0-9a-f]{64}");
    }
}
