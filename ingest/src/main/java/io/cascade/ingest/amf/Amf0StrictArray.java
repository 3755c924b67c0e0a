// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** AMF0 strict array (AMF0 spec §2.12): marker 0x0A, a 32-bit count, then that many values. */
public record Amf0StrictArray(List<Amf0Value> values) implements Amf0Value {

    public Amf0StrictArray {
        values = List.copyOf(values);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.STRICT_ARRAY.code());
        out.writeInt(values.size());
        for (Amf0Value value : values) {
            value.encode(out);
        }
    }

    @Override
    public Object toJava() {
        List<Object> java = new ArrayList<>(values.size());
        for (Amf0Value value : values) {
            java.add(value.toJava());
        }
        return Collections.unmodifiableList(java);
    }
}
