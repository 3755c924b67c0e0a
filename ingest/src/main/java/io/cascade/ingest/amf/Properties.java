// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property list shared by the anonymous object (AMF0 spec §2.5) and the ECMA array
 * (§2.10): pairs of a UTF-8 name (§1.3, 16-bit length, no marker) and a value, closed by an
 * empty name followed by the object-end marker (§2.11).
 */
final class Properties {
    private Properties() {
    }

    /** An unmodifiable, insertion-ordered copy with every name checked. */
    static Map<String, Amf0Value> copy(Map<String, ? extends Amf0Value> properties) {
        Map<String, Amf0Value> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("null value for property " + key + " (use Amf0Null)");
            }
            copy.put(Utf8.checkKey(key), value);
        });
        return Collections.unmodifiableMap(copy);
    }

    static void encode(Map<String, Amf0Value> properties, ByteBuf out) {
        properties.forEach((key, value) -> {
            Utf8.writeShort(out, Utf8.bytes(key));
            value.encode(out);
        });
        out.writeShort(0);
        out.writeByte(Amf0Marker.OBJECT_END.code());
    }

    /**
     * Reads pairs up to and including the object end.
     *
     * @param endOptional whether the end of the buffer may stand for the object end (ECMA
     *                    arrays from some encoders omit it at the end of a message)
     */
    static Map<String, Amf0Value> decode(ByteBuf in, int depth, String field, boolean endOptional) {
        Map<String, Amf0Value> properties = new LinkedHashMap<>();
        while (true) {
            if (endOptional && !in.isReadable()) {
                break;
            }
            String key = Utf8.readShort(in, field + ".name");
            if (key.isEmpty() && in.isReadable() && in.getUnsignedByte(in.readerIndex()) == Amf0Marker.OBJECT_END.code()) {
                in.skipBytes(1);
                break;
            }
            if (!in.isReadable()) {
                throw new Amf0Exception(field + ".value", "truncated after property name");
            }
            // A repeated name keeps its first position and its last value, as a map would.
            properties.put(key, Amf0Decoder.decode(in, depth + 1));
        }
        return Collections.unmodifiableMap(properties);
    }
}
