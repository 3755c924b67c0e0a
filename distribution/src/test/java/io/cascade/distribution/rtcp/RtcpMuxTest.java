// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7983 §7 first-octet ranges and the RFC 5761 §4 second-octet rule, at their edges. */
class RtcpMuxTest {

    @ParameterizedTest(name = "{0} {1} -> rtp={2} rtcp={3}")
    @CsvSource({
        // first, second, rtp, rtcp
        "0x00, 0x01, false, false",   // STUN
        "0x16, 0xfe, false, false",   // DTLS handshake
        "0x7f, 0xc8, false, false",   // just below 128
        "0x80, 0x00, true, false",    // RTP, PT 0
        "0x80, 0xbf, true, false",    // RTP, M=1 PT 63
        "0x80, 0xc0, false, true",    // 192: RTCP range starts
        "0x81, 0xc8, false, true",    // SR
        "0x81, 0xcd, false, true",    // RTPFB
        "0x80, 0xdf, false, true",    // 223: RTCP range ends
        "0x80, 0xe0, true, false",    // RTP, M=1 PT 96
        "0xbf, 0x6f, true, false",    // 191: last RTP/RTCP first octet
        "0xc0, 0x6f, false, false",   // 192: not RTP
    })
    void demultiplexes(int first, int second, boolean rtp, boolean rtcp) {
        ByteBuf datagram = Unpooled.wrappedBuffer(new byte[] {(byte) first, (byte) second, 0, 0});
        assertThat(RtcpMux.isRtp(datagram)).isEqualTo(rtp);
        assertThat(RtcpMux.isRtcp(datagram)).isEqualTo(rtcp);
        assertThat(RtcpMux.isRtpOrRtcp(datagram)).isEqualTo(first >= 128 && first <= 191);
    }

    @org.junit.jupiter.api.Test
    void tooShortIsNeither() {
        assertThat(RtcpMux.isRtp(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80}))).isFalse();
        assertThat(RtcpMux.isRtcp(Unpooled.EMPTY_BUFFER)).isFalse();
        assertThat(RtcpMux.isRtpOrRtcp(Unpooled.EMPTY_BUFFER)).isFalse();
    }
}
