// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;

/** AMF0 boolean (AMF0 spec §2.3): marker 0x01 then one byte, 0 false, anything else true. */
public record Amf0Boolean(boolean value) implements Amf0Value {
    public static final Amf0Boolean TRUE = new Amf0Boolean(true);
    public static final Amf0Boolean FALSE = new Amf0Boolean(false);

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.BOOLEAN.code());
        out.writeByte(value ? 1 : 0);
    }

    @Override
    public Object toJava() {
        return value;
    }
}
