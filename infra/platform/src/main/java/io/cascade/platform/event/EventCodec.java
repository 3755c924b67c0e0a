// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The event's JSON form (docs/events.md):
 * <pre>{"type":"call.started","id":"0193...","time":"2026-11-21T05:40:00.123Z",
 *  "source":"node-1","subject":"room-7","payload":{...}}</pre>
 * Unknown top-level fields are ignored so that newer producers do not break older consumers.
 */
public final class EventCodec {
    /** Lower-case dotted words: {@code call.started}, {@code viewer.joined}. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");
    /** Hard cap on one serialized event; anything bigger is a bug or an attack. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {}

    static String requireType(String type) {
        if (type == null || type.length() > 64 || !TYPE.matcher(type).matches()) {
            throw new EventFormatException("type", "expected dotted lower-case name, got " + type);
        }
        return type;
    }

    public static byte[] encode(Event e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.type());
        n.put("id", e.id());
        n.put("time", e.time().toString());
        n.put("source", e.source());
        n.put("subject", e.subject());
        n.set("payload", e.payload());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException ex) {
            throw new EventFormatException("payload", "not serializable", ex);
        }
    }

    public static Event decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventFormatException("event", "empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new EventFormatException("event", bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException ex) {
            throw new EventFormatException("event", "not JSON: " + ex.getMessage(), ex);
        }
        if (n == null || !n.isObject()) {
            throw new EventFormatException("event", "not a JSON object");
        }
        JsonNode payload = n.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw new EventFormatException("payload", "not a JSON object");
        }
        return new Event(
                requireType(text(n, "type")),
                text(n, "id"),
                time(n),
                text(n, "source"),
                n.path("subject").asText(""),
                payload == null || payload.isNull() ? null : (ObjectNode) payload);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new EventFormatException(field, "missing or not a string");
        }
        return v.asText();
    }

    private static Instant time(JsonNode n) {
        String t = text(n, "time");
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ex) {
            throw new EventFormatException("time", "not an ISO-8601 instant: " + t, ex);
        }
    }

    /** The mapper events use, for building payloads. */
    public static ObjectMapper json() {
        return JSON;
    }
}
