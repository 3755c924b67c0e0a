// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import io.netty.buffer.ByteBuf;

/** AMF0 undefined (AMF0 spec §2.8): the marker 0x06 alone. */
public enum Amf0Undefined implements Amf0Value {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(Amf0Marker.UNDEFINED.code());
    }

    @Override
    public Object toJava() {
        return null;
    }
}
