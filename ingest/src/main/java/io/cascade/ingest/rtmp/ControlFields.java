// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/** Length checks shared by the fixed-size control message decoders (§5.4, §6.2). */
final class ControlFields {
    private ControlFields() {
    }

    static void need(ByteBuf in, int bytes, String field) {
        if (in.readableBytes() < bytes) {
            throw RtmpProtocolException.malformed(field, "needs " + bytes + " bytes, " + in.readableBytes() + " present");
        }
    }
}
