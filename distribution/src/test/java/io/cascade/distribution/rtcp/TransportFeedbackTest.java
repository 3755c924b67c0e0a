// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1) on the wire. */
class TransportFeedbackTest {

    @Test
    void writesAGoldenPacketWithBothDeltaSizesALossAndPadding() {
        // packets 100 (arrived 1 ms after the reference time), 101 (lost), 102 (75 ms later: a large delta)
        TransportFeedback fb = new TransportFeedback(0x11223344, 0x55667788, 100, 1, 0,
                new byte[] {1, 0, 2}, new int[] {4, 300});
        String expected = ""
                + "8f cd 0006"      // V=2, P=0, FMT=15 | PT=205 RTPFB | length 6 words (28 octets)
                + "11223344"        // SSRC of packet sender
                + "55667788"        // SSRC of media source
                + "0064 0003"       // base sequence 100 | packet status count 3
                + "000001 00"       // reference time 1 (x 64 ms) | feedback packet count 0
                + "d200"            // status vector chunk: T=1, S=1 (2-bit), symbols 01 00 10 then 00 padding
                + "04"              // small delta: 4 x 250 us = 1 ms
                + "012c"            // large delta: 300 x 250 us = 75 ms
                + "000000";         // zero padding to the 32-bit boundary, inside the FCI
        ByteBuf out = Unpooled.buffer();
        fb.encode(out);
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(expected.replace(" ", ""));
        assertThat(out.readableBytes()).isEqualTo(fb.encodedLength());

        List<RtcpPacket> back = RtcpCompound.decode(out);
        assertThat(back).containsExactly(fb);
    }

    @Test
    void longRunsBecomeRunLengthChunks() {
        byte[] symbols = new byte[20];
        int[] deltas = new int[20];
        java.util.Arrays.fill(symbols, (byte) 1);
        java.util.Arrays.fill(deltas, 20);
        TransportFeedback fb = new TransportFeedback(1, 2, 65530, -3, 255, symbols, deltas);
        ByteBuf out = Unpooled.buffer();
        fb.encode(out);
        // after the 4-octet header and 16 octets of fixed fields: one run-length chunk T=0 S=01 run=20
        assertThat(out.getUnsignedShort(20)).isEqualTo(0x2014);
        assertThat(RtcpCompound.decode(out)).containsExactly(fb);
    }

    @Test
    void readsOneBitStatusVectorChunks() {
        // chunk 0xA000: T=1, S=0, 14 one-bit symbols: 1 0 0 ... -> first received, 13 lost; count 14
        byte[] body = HexFormat.of().parseHex("00000001" + "00000002" + "0005000e" + "00000007" + "a000" + "08" + "00");
        TransportFeedback fb = TransportFeedback.decode(Unpooled.wrappedBuffer(body));
        assertThat(fb.baseSequence()).isEqualTo(5);
        assertThat(fb.symbols()).hasSize(14).startsWith((byte) 1, (byte) 0);
        assertThat(fb.deltas()).containsExactly(8);
        assertThat(fb.feedbackCount()).isEqualTo(7);
    }

    @Test
    void truncatedOrReservedInputNamesTheField() {
        assertThatThrownBy(() -> TransportFeedback.decode(Unpooled.wrappedBuffer(new byte[8])))
                .isInstanceOf(RtcpFormatException.class).hasMessageContaining("transport-cc");
        byte[] noDeltas = HexFormat.of().parseHex("00000001" + "00000002" + "00050001" + "00000000" + "2001");
        assertThatThrownBy(() -> TransportFeedback.decode(Unpooled.wrappedBuffer(noDeltas)))
                .isInstanceOf(RtcpFormatException.class).hasMessageContaining("recv delta");
        byte[] reserved = HexFormat.of().parseHex("00000001" + "00000002" + "00050001" + "00000000" + "6001");
        assertThatThrownBy(() -> TransportFeedback.decode(Unpooled.wrappedBuffer(reserved)))
                .isInstanceOf(RtcpFormatException.class).hasMessageContaining("reserved");
    }

    @Test
    void refusesValuesTheFieldsCannotHold() {
        assertThatThrownBy(() -> new TransportFeedback(1, 2, 0, 0, 0, new byte[] {1}, new int[] {256}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportFeedback(1, 2, 0, 0, 0, new byte[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
