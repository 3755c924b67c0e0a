// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.time.Instant;

/**
 * AMF0 date (AMF0 spec §2.13): marker 0x0B, milliseconds since the Unix epoch in UTC as a
 * double, then a signed 16-bit time-zone field that the specification reserves (should be
 * 0x0000) and this class keeps as read so the round trip is exact.
 */
public record Amf0Date(double epochMillis, short timeZone) implements Amf0Value {

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.DATE.code());
        out.writeDouble(epochMillis);
        out.writeShort(timeZone);
    }

    /** The instant, or null when the milliseconds are not a finite representable instant. */
    @Override
    public Object toJava() {
        if (!Double.isFinite(epochMillis) || Math.abs(epochMillis) > 8.64e15) {
            return null;
        }
        return Instant.ofEpochMilli((long) epochMillis);
    }
}
