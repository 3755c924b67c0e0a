// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * AMF0 ECMA array (AMF0 spec §2.10): marker 0x08, a 32-bit associative-count, then name/value
 * pairs closed like an object's. The count is only a hint (encoders get it wrong), so decoding
 * reads pairs until the object end and encoding writes the true size. onMetaData travels as
 * one of these.
 */
public record Amf0EcmaArray(Map<String, Amf0Value> properties) implements Amf0Value {

    public Amf0EcmaArray {
        properties = Properties.copy(properties);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.ECMA_ARRAY.code());
        out.writeInt(properties.size());
        Properties.encode(properties, out);
    }

    @Override
    public Object toJava() {
        return Amf0Object.toJava(properties);
    }
}
