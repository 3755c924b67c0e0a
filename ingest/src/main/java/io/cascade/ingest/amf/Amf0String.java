// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * AMF0 string (AMF0 spec §2.4, marker 0x02, 16-bit length) and long string (§2.14, marker 0x0C,
 * 32-bit length). One Java type for both: {@link #encode} picks the short form when the UTF-8
 * bytes fit in 65535 and the long form otherwise, as the specification intends, so a short
 * string sent in the long form decodes and re-encodes to an equal value in fewer bytes.
 */
public record Amf0String(String value) implements Amf0Value {

    public Amf0String {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public void encode(ByteBuf out) {
        byte[] utf8 = Utf8.bytes(value);
        if (utf8.length <= Utf8.MAX_SHORT) {
            out.writeByte(Amf0Marker.STRING.code());
            out.writeShort(utf8.length);
        } else {
            out.writeByte(Amf0Marker.LONG_STRING.code());
            out.writeInt(utf8.length);
        }
        out.writeBytes(utf8);
    }

    @Override
    public Object toJava() {
        return value;
    }
}
