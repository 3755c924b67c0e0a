// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Set Peer Bandwidth (Adobe RTMP spec 1.0 §5.4.5, type 6): limits the peer's output bandwidth
 * by setting its window acknowledgement size.
 *
 * @param size      the window in bytes (unsigned 32-bit)
 * @param limitType 0 hard, 1 soft, 2 dynamic
 */
public record SetPeerBandwidth(long size, int limitType) implements RtmpPayload {
    public static final int HARD = 0;
    public static final int SOFT = 1;
    public static final int DYNAMIC = 2;

    public static SetPeerBandwidth decode(ByteBuf in) {
        ControlFields.need(in, 5, "setPeerBandwidth");
        long size = in.readUnsignedInt();
        int type = in.readUnsignedByte();
        if (type > DYNAMIC) {
            throw RtmpProtocolException.malformed("setPeerBandwidth.limitType", "undefined limit type " + type);
        }
        return new SetPeerBandwidth(size, type);
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.SET_PEER_BANDWIDTH;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt((int) size);
        out.writeByte(limitType);
    }
}
