// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Picture Loss Indication (RFC 4585 §6.3.1): payload-specific feedback, PT 206 (PSFB) with
 * FMT 1, asking the sender of {@code mediaSsrc} for a decoder refresh point. It has no FCI:
 * "the length field MUST be 2", so decode refuses any octets after the two SSRCs.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  SSRC of the media source that should send a keyframe
 */
public record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {
    /** FMT value of PLI in a PSFB packet. */
    public static final int FORMAT = 1;

    /**
     * Decodes the body of a PSFB packet with FMT 1 (padding removed).
     *
     * @throws RtcpFormatException {@code length} unless the body is exactly the two SSRCs
     */
    public static PictureLossIndication decode(ByteBuf body) {
        if (body.readableBytes() != 8) {
            throw new RtcpFormatException("length", "PLI body must be exactly 8 octets, got " + body.readableBytes());
        }
        return new PictureLossIndication(body.readInt(), body.readInt());
    }

    @Override
    public int packetType() {
        return RtcpPacketType.PSFB.code();
    }

    @Override
    public int countOrFormat() {
        return FORMAT;
    }

    @Override
    public int bodyLength() {
        return 8;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(senderSsrc);
        out.writeInt(mediaSsrc);
    }
}
