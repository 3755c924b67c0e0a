// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;

/** AMF0 null (AMF0 spec §2.7): the marker 0x05 alone. */
public enum Amf0Null implements Amf0Value {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.NULL.code());
    }

    @Override
    public Object toJava() {
        return null;
    }
}
