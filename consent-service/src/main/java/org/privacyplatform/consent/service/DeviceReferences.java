package org.privacyplatform.consent.service;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A device is named by the visitor's browser with a random 128-bit id, base64url (22 characters, no padding) or hex
 * (32 characters). Whoever knows the id may change the device's choices, so the id itself is never stored, logged or
 * sent: the service keys a device by its reference, {@code device:} and the base64url HMAC-SHA-256 of the id's 16 bytes
 * under the platform's pseudonym key. Both spellings of one id are one device.
 */
@ApplicationScoped
public class DeviceReferences {

    public static final String PREFIX = "device:";
    /** The shapes a path may carry; {@link #of} also refuses a base64url id whose last character carries stray bits. */
    public static final String DEVICE_ID = "^([A-Za-z0-9_-]{22}|[0-9A-Fa-f]{32})$";
    public static final String DEVICE_ID_MESSAGE = "must be a random 128-bit id: 22 characters of base64url (no padding) "
            + "or 32 hexadecimal digits";

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{32}");

    private final Pseudonyms pseudonyms;

    public DeviceReferences(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The device's reference; 400 naming {@code deviceId} when the id is not a 128-bit value in either spelling. */
    public String of(String deviceId) {
        byte[] bytes = decode(deviceId);
        byte[] mac = HexFormat.of().parseHex(pseudonyms.of(PREFIX + HexFormat.of().formatHex(bytes)));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** Whether a subject id is in fact a device's reference (a subject can never be one). */
    public static boolean isDevice(String subjectId) {
        return subjectId != null && subjectId.startsWith(PREFIX);
    }

    static byte[] decode(String deviceId) {
        if (deviceId != null && HEX.matcher(deviceId).matches()) {
            return HexFormat.of().parseHex(deviceId);
        }
        if (deviceId != null && BASE64URL.matcher(deviceId).matches()) {
            byte[] bytes = Base64.getUrlDecoder().decode(deviceId);
            // the 22nd character carries 2 bits of the value and 4 that must be zero: only one spelling per id
            if (Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(deviceId)) {
                return bytes;
            }
        }
        throw ProblemException.badRequest("deviceId", "deviceId " + DEVICE_ID_MESSAGE);
    }
}
