// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Tells RTP from RTCP when both share a port (RFC 5761 §4), in the first-octet scheme of
 * RFC 7983 §7: a first octet in 128..191 is RTP or RTCP (version 2); then a second octet in
 * 192..223 is an RTCP packet type, anything else is the RTP marker bit and payload type.
 * This is why payload types 64..95 must not be used with rtcp-mux: with the marker bit set they
 * land in 192..223 (RFC 5761 §4).
 *
 * <p>Reads the first two readable octets without moving any index; allocation-free.
 */
public final class RtcpMux {
    private RtcpMux() {
    }

    /** RFC 7983 §7: first octet 128..191. */
    public static boolean isRtpOrRtcp(ByteBuf datagram) {
        if (!datagram.isReadable()) {
            return false;
        }
        int first = datagram.getUnsignedByte(datagram.readerIndex());
        return first >= 128 && first <= 191;
    }

    /** RTP or RTCP, with a second octet in 192..223: RTCP. */
    public static boolean isRtcp(ByteBuf datagram) {
        if (datagram.readableBytes() < 2 || !isRtpOrRtcp(datagram)) {
            return false;
        }
        return isRtcpPacketType(datagram.getUnsignedByte(datagram.readerIndex() + 1));
    }

    /** RTP or RTCP, with a second octet outside 192..223: RTP. */
    public static boolean isRtp(ByteBuf datagram) {
        return datagram.readableBytes() >= 2 && isRtpOrRtcp(datagram)
                && !isRtcpPacketType(datagram.getUnsignedByte(datagram.readerIndex() + 1));
    }

    /** Whether the second octet of an RTP/RTCP datagram names RTCP (RFC 5761 §4). */
    public static boolean isRtcpPacketType(int secondOctet) {
        return secondOctet >= 192 && secondOctet <= 223;
    }
}
