// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Acknowledgement (Adobe RTMP spec 1.0 §5.4.3, type 3): the number of bytes received so far,
 * sent each time the peer's window (§5.4.4) has been received since the last one.
 *
 * @param sequenceNumber bytes received, modulo 2^32
 */
public record Acknowledgement(long sequenceNumber) implements RtmpPayload {

    public static Acknowledgement decode(ByteBuf in) {
        ControlFields.need(in, 4, "acknowledgement.sequenceNumber");
        return new Acknowledgement(in.readUnsignedInt());
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.ACKNOWLEDGEMENT;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt((int) sequenceNumber);
    }
}
