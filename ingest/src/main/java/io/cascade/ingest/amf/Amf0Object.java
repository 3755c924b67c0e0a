// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AMF0 anonymous object (AMF0 spec §2.5): marker 0x03, then name/value pairs closed by an empty
 * name and the object-end marker (§2.11). Insertion order is kept for encoding; equality is
 * that of the maps (order-insensitive).
 */
public record Amf0Object(Map<String, Amf0Value> properties) implements Amf0Value {

    public Amf0Object {
        properties = Properties.copy(properties);
    }

    /** The value of {@code name}, or null when absent. */
    public Amf0Value get(String name) {
        return properties.get(name);
    }

    /** The string value of {@code name}, or null when absent or not a string. */
    public String string(String name) {
        return properties.get(name) instanceof Amf0String s ? s.value() : null;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.OBJECT.code());
        Properties.encode(properties, out);
    }

    @Override
    public Object toJava() {
        return toJava(properties);
    }

    static Map<String, Object> toJava(Map<String, Amf0Value> properties) {
        Map<String, Object> java = new LinkedHashMap<>();
        properties.forEach((key, value) -> java.put(key, value.toJava()));
        return Collections.unmodifiableMap(java);
    }

    /** A builder keeping insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Amf0Object}. */
    public static final class Builder {
        private final Map<String, Amf0Value> properties = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, Amf0Value value) {
            properties.put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new Amf0String(value));
        }

        public Builder put(String name, double value) {
            return put(name, new Amf0Number(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, new Amf0Boolean(value));
        }

        public Amf0Object build() {
            return new Amf0Object(properties);
        }
    }
}
