package org.privacyplatform.audit.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.privacyplatform.audit.merkle.MerkleHashes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Strict reading of the JSON the audit API serves, with messages that name the field ({@code
 * events[3].auditPath[1] is not a 32-byte hash in hex}).
 *
 * <p>Strict on purpose: a duplicated key (two {@code "subject"}s, of which a lenient parser keeps the last) or
 * trailing text is an error, never silently resolved.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Input that cannot be used as given: a file that cannot be read, text that is not JSON, a missing field. */
    static final class InputError extends Exception {

        private static final long serialVersionUID = 1L;

        InputError(String message) {
            super(message);
        }

        InputError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The bytes of {@code file}, or of standard input for {@code -}. */
    static byte[] readBytes(String file, InputStream stdin) throws InputError {
        try {
            if ("-".equals(file)) {
                return stdin.readAllBytes();
            }
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new InputError(file + ": no such file");
        } catch (IOException | InvalidPathException e) {
            throw new InputError(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Decodes UTF-8, refusing malformed bytes instead of replacing them. */
    static String utf8(byte[] bytes, String what) throws InputError {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError(what + " is not UTF-8 text", e);
        }
    }

    /** Parses one JSON object (no duplicate keys, nothing after it). */
    static JsonNode object(String text, String what) throws InputError {
        JsonNode node = parse(text, what);
        if (!node.isObject()) {
            throw new InputError(what + " is not a JSON object");
        }
        return node;
    }

    /** Parses one JSON value (no duplicate keys, nothing after it). */
    static JsonNode parse(String text, String what) throws InputError {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InputError(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputError(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A member that must be present and not null. */
    static JsonNode member(JsonNode object, String name, String path) throws InputError {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new InputError(name(path, name) + " is missing");
        }
        return value;
    }

    static JsonNode objectMember(JsonNode object, String name, String path) throws InputError {
        JsonNode value = member(object, name, path);
        if (!value.isObject()) {
            throw new InputError(name(path, name) + " is not a JSON object");
        }
        return value;
    }

    static String string(JsonNode object, String name, String path) throws InputError {
        JsonNode value = member(object, name, path);
        if (!value.isTextual()) {
            throw new InputError(name(path, name) + " is not a string");
        }
        return value.textValue();
    }

    /** A tree size or leaf index: a JSON integer from 0 to 2^63 - 1. */
    static long count(JsonNode object, String name, String path) throws InputError {
        JsonNode value = member(object, name, path);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new InputError(name(path, name) + " is not a non-negative integer: " + value);
        }
        return value.longValue();
    }

    /** A 32-byte hash as hex. */
    static byte[] hash(JsonNode object, String name, String path) throws InputError {
        return hash(string(object, name, path), name(path, name));
    }

    /** An array of 32-byte hashes as hex. */
    static List<byte[]> hashes(JsonNode object, String name, String path) throws InputError {
        JsonNode value = member(object, name, path);
        if (!value.isArray()) {
            throw new InputError(name(path, name) + " is not an array");
        }
        List<byte[]> hashes = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String element = name(path, name) + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw new InputError(element + " is not a string");
            }
            hashes.add(hash(value.get(i).textValue(), element));
        }
        return hashes;
    }

    /** Standard base64 of exactly {@code length} bytes. */
    static byte[] base64(JsonNode object, String name, String path, int length) throws InputError {
        return base64(string(object, name, path), name(path, name), length);
    }

    static byte[] base64(String text, String what, int length) throws InputError {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(what + " is not base64", e);
        }
        if (bytes.length != length) {
            throw new InputError(what + " is " + bytes.length + " bytes, not " + length);
        }
        return bytes;
    }

    /** A member's value for a message: the string itself, other JSON as JSON, "(none)" when absent. */
    static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "(none)";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] hash(String text, String what) throws InputError {
        byte[] bytes;
        try {
            bytes = MerkleHashes.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(what + " is not hex: " + text, e);
        }
        if (bytes.length != MerkleHashes.HASH_LENGTH) {
            throw new InputError(what + " is " + bytes.length + " bytes, not a " + MerkleHashes.HASH_LENGTH
                    + "-byte hash");
        }
        return bytes;
    }

    private static String name(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
