// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes signaling JSON. Reading is two steps so that an error reply can name the type
 * of a message it refuses: {@link #parse} (size cap, JSON object) then {@link #client} (type and
 * fields). Every failure is a {@link SignalingException} with its code; nothing else escapes.
 */
public final class SignalingJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private static final Set<String> CLIENT_TYPES = Arrays.stream(
                    ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());
    private static final Map<Class<?>, String> CLIENT_TYPE_OF = Arrays.stream(
                    ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private SignalingJson() {}

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The frame as a JSON object, if it is one within {@code maxBytes} of UTF-8. */
    public static JsonNode parse(String text, int maxBytes) {
        // a char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2 chars), so count only when it may matter
        if (text.length() > maxBytes / 3 && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new SignalingException(ErrorCode.TOO_LARGE, "message larger than " + maxBytes + " bytes");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SignalingException(ErrorCode.BAD_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new SignalingException(ErrorCode.BAD_JSON, "expected a JSON object");
        }
        return tree;
    }

    /** The {@code type} field, or null when absent or not a string. */
    public static String type(JsonNode tree) {
        JsonNode t = tree.get("type");
        return t != null && t.isTextual() ? t.asText() : null;
    }

    /**
     * The wire {@code type} of a parsed message (what an {@code error}'s {@code inReplyTo} names
     * when the message was refused after it left the page's node).
     */
    public static String typeOf(ClientMessage message) {
        return CLIENT_TYPE_OF.get(message.getClass());
    }

    public static ClientMessage client(JsonNode tree) {
        String type = type(tree);
        if (type == null) {
            throw new SignalingException(ErrorCode.UNKNOWN_TYPE, "type: required, a string");
        }
        if (!CLIENT_TYPES.contains(type)) {
            throw new SignalingException(ErrorCode.UNKNOWN_TYPE, "unknown type " + quote(type));
        }
        return read(tree, ClientMessage.class);
    }

    /** Reads any of our types from a tree (inter-node messages, test clients). */
    public static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IllegalArgumentException e) {
            throw SignalingException.field("message", e.getMessage());
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return read(JSON.readTree(text), type);
        } catch (JsonProcessingException e) {
            throw new SignalingException(ErrorCode.BAD_JSON, "not JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + message.getClass().getSimpleName(), e);
        }
    }

    /** The validation error thrown by a record's constructor, or the field Jackson could not read. */
    private static SignalingException translate(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SignalingException s) {
                return s;
            }
        }
        if (e instanceof InvalidTypeIdException) {
            return new SignalingException(ErrorCode.UNKNOWN_TYPE, "unknown type");
        }
        String path = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining(".")) : "";
        String why = e.getOriginalMessage();
        int cut = why == null ? -1 : why.indexOf('\n');
        return SignalingException.field(path.isEmpty() ? "message" : path,
                "wrong type or value" + (why == null ? "" : " (" + (cut > 0 ? why.substring(0, cut) : why) + ")"));
    }

    private static String quote(String s) {
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
}
