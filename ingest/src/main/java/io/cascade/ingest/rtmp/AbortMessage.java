// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Abort Message (Adobe RTMP spec 1.0 §5.4.2, type 2): discard the partly received message on
 * the named chunk stream.
 *
 * @param chunkStreamId the chunk stream whose message is dropped (32 bits on the wire)
 */
public record AbortMessage(long chunkStreamId) implements RtmpPayload {

    public static AbortMessage decode(ByteBuf in) {
        ControlFields.need(in, 4, "abort.chunkStreamId");
        return new AbortMessage(in.readUnsignedInt());
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.ABORT;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt((int) chunkStreamId);
    }
}
