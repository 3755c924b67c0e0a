// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;

/**
 * AMF0 number (AMF0 spec §2.2): marker 0x00 then an IEEE 754 double, big-endian. Record
 * equality compares the bits as {@link Double#equals} does, so NaN equals NaN.
 */
public record Amf0Number(double value) implements Amf0Value {

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.NUMBER.code());
        out.writeDouble(value);
    }

    @Override
    public Object toJava() {
        return value;
    }
}
