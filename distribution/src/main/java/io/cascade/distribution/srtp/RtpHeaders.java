// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import io.netty.buffer.ByteBuf;

/**
 * The few RTP and RTCP header fields SRTP needs, read in place. SRTP encrypts from the end of
 * the RTP header, CSRC list and header extension included (RFC 3711 §3.1), and must not trust
 * the padding count, which is encrypted; full validation is the rtp package's, after unprotect.
 */
final class RtpHeaders {
    static final int RTP_FIXED = 12;
    static final int RTCP_FIXED = 8;
    private static final int VERSION_2 = 0x80;

    private RtpHeaders() {
    }

    /** Whether the version field of the packet at {@code at} is 2 (RFC 3550 §5.1, §6.4.1). */
    static boolean version2(ByteBuf buf, int at) {
        return (buf.getByte(at) & 0xC0) == VERSION_2;
    }

    /**
     * The RTP header length (fixed header, CSRCs, extension; RFC 3550 §5.1, §5.3.1), or -1 when
     * it does not fit in {@code limit} octets.
     */
    static int rtpHeaderLength(ByteBuf buf, int at, int limit) {
        int first = buf.getByte(at);
        int length = RTP_FIXED + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length + 4 > limit) {
                return -1;
            }
            length += 4 + 4 * buf.getUnsignedShort(at + length + 2);
        }
        return length <= limit ? length : -1;
    }

    static int rtpSequence(ByteBuf buf, int at) {
        return buf.getUnsignedShort(at + 2);
    }

    static int rtpSsrc(ByteBuf buf, int at) {
        return buf.getInt(at + 8);
    }

    /** The SSRC of the first RTCP packet's sender (RFC 3711 §3.4 keys SRTCP by it). */
    static int rtcpSsrc(ByteBuf buf, int at) {
        return buf.getInt(at + 4);
    }
}
