package org.privacyplatform.audit.merkle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one byte sequence per JSON value, so a leaf hash does not
 * depend on key order, whitespace or number spelling, and anyone can recompute it from the JSON alone.
 *
 * <p>JCS treats every number as an IEEE 754 double: integers beyond 2^53 lose precision. Identifiers and
 * amounts that need exactness belong in strings.
 */
public final class Canonical {

    private Canonical() {
    }

    /** The canonical JSON text of {@code node}, an object or an array. */
    public static String canonicalize(JsonNode node) {
        Objects.requireNonNull(node, "node");
        requireFiniteNumbers(node);
        // JsonNode.toString() is valid JSON (Jackson >= 2.10); JCS then re-parses and normalises it.
        return canonicalize(node.toString());
    }

    /** The canonical JSON text of a JSON document whose top level is an object or an array. */
    public static String canonicalize(String json) {
        return canonicalizer(json).getEncodedString();
    }

    /** The canonical form of {@code node} as UTF-8 bytes: the exact bytes that get hashed. */
    public static byte[] canonicalBytes(JsonNode node) {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of a JSON document as UTF-8 bytes. */
    public static byte[] canonicalBytes(String json) {
        return canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * JSON has no NaN or infinities, and Jackson's toString() would quietly write them as the strings "NaN"
     * or "Infinity", so a leaf would hash something other than what was logged: refuse instead.
     */
    private static void requireFiniteNumbers(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                throw new IllegalArgumentException(
                        "JSON cannot be canonicalized (RFC 8785): non-finite number " + node);
            }
            node.forEach(pending::push);
        }
    }

    private static JsonCanonicalizer canonicalizer(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return new JsonCanonicalizer(json);
        } catch (IOException e) {
            // the library reports malformed input (or NaN/Infinity, which JCS cannot express) as IOException
            throw new IllegalArgumentException("JSON cannot be canonicalized (RFC 8785): " + e.getMessage(), e);
        }
    }
}
