package org.privacyplatform.portal.banner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The visitor's device id as banner.js keeps it: a random 128-bit id (32 hex digits, or 22 characters of base64url) in
 * the first-party cookie {@value #NAME}, at most 13 months. Anything else in that cookie is ignored, never sent on.
 */
public final class DeviceCookie {

    public static final String NAME = "pp_device";
    /** The portal's own memory that this browser's device was joined to the logged-in subject (a digest, not the id). */
    public static final String JOINED = "pp_joined";
    /** 13 months at most (CNIL): 390 days, shorter than any 13 calendar months. */
    public static final int MAX_AGE_SECONDS = 390 * 24 * 3600;

    /** The same rule as consent-service's DeviceReferences.DEVICE_ID. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{22}|[0-9A-Fa-f]{32}");

    private DeviceCookie() {
    }

    public static boolean isValid(String deviceId) {
        return deviceId != null && deviceId.length() <= 32 && DEVICE_ID.matcher(deviceId).matches();
    }

    /** What the {@value #JOINED} cookie holds for a device: a digest, so that the id is not copied into a second cookie. */
    public static String joinedMark(String deviceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("pp-joined:" + deviceId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
