// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.PooledBuffers;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden vectors decoded field by field, built from values, and round-tripped byte for byte. */
@ExtendWith(LeakDetection.class)
class RtcpCompoundTest {

    @Test
    void decodesTheRfc3550SenderReport() {
        assertThat(decode("rtcp/rfc3550-sender-report.hex")).containsExactly(new SenderReport(0x12345678,
                0xE75F2C80_40000000L, 1600000000, 1000, 1000000,
                List.of(new ReportBlock(0x9ABCDEF0, 25, 42, 0x00013039, 100, 0x2C804000, 0x00018000))));
    }

    @Test
    void decodesChromesReceiverReportAndCname() {
        List<RtcpPacket> packets = decode("rtcp/chrome-rr-sdes.hex");
        assertThat(packets).containsExactly(
                new ReceiverReport(1, List.of(new ReportBlock(0x12345678, 0, 0, 12345, 12, 0x2C804000, 0x2000))),
                new SourceDescription(List.of(SdesChunk.cname(1, "4TOk42mSjXCkVIa6"))));
        SourceDescription sdes = (SourceDescription) packets.get(1);
        assertThat(sdes.chunks().get(0).items().get(0).text()).isEqualTo("4TOk42mSjXCkVIa6");
    }

    @Test
    void decodesChromesNackIntoSequenceNumbersAcrossTheWrap() {
        List<RtcpPacket> packets = decode("rtcp/chrome-nack.hex");
        assertThat(packets).containsExactly(new GenericNack(1, 0x12345678,
                List.of(new NackPair(12345, 0b101), new NackPair(65535, 0b11))));
        assertThat(((GenericNack) packets.get(0)).lostSequenceNumbers())
                .containsExactly(12345, 12346, 12348, 65535, 0, 1);
    }

    @Test
    void decodesKeyframeRequests() {
        assertThat(decode("rtcp/pli.hex")).containsExactly(new PictureLossIndication(1, 0x12345678));
        assertThat(decode("rtcp/fir.hex")).containsExactly(
                FullIntraRequest.of(1, List.of(new FirEntry(0x12345678, 5))));
    }

    @Test
    void decodesByeWithAPaddedReason() {
        List<RtcpPacket> packets = decode("rtcp/bye-with-reason.hex");
        assertThat(packets).containsExactly(Goodbye.of(List.of(0x12345678, 0x9ABCDEF0), "camera off"));
        assertThat(((Goodbye) packets.get(0)).reasonText()).isEqualTo("camera off");
    }

    @Test
    void skipsUnknownAndUnmodelledTypesByLength() {
        assertThat(decode("rtcp/compound-with-unknown-types.hex")).containsExactly(
                new ReceiverReport(1, List.of()),
                new RawRtcpPacket(204, 0, HexVector.parse("00 00 00 01 54 45 53 54 de ad be ef")),
                new RawRtcpPacket(210, 0, HexVector.parse("01 02 03 04")),
                new SourceDescription(List.of(SdesChunk.cname(1, "ab"))));
    }

    @Test
    void dropsPaddingOfTheLastPacket() {
        ByteBuf in = PooledBuffers.of(HexVector.load("rtcp/padded-bye.hex"));
        ByteBuf out = PooledBuffers.empty();
        try {
            List<RtcpPacket> packets = RtcpCompound.decode(in);
            assertThat(packets).containsExactly(new ReceiverReport(1, List.of()),
                    new Goodbye(List.of(0x12345678), null));
            RtcpCompound.encode(packets, out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(HexVector.parse(
                    "80 c9 00 01 00 00 00 01 81 cb 00 01 12 34 56 78"));
        } finally {
            in.release();
            out.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtcp/rfc3550-sender-report.hex", "rtcp/chrome-rr-sdes.hex", "rtcp/chrome-nack.hex",
        "rtcp/pli.hex", "rtcp/fir.hex", "rtcp/bye-with-reason.hex", "rtcp/compound-with-unknown-types.hex"})
    void decodeThenEncodeGivesTheSameBytes(String vector) {
        byte[] wire = HexVector.load(vector);
        ByteBuf in = PooledBuffers.of(wire);
        ByteBuf out = PooledBuffers.empty();
        try {
            List<RtcpPacket> packets = RtcpCompound.decode(in);
            assertThat(in.isReadable()).as("decode consumes the datagram").isFalse();
            assertThat(RtcpCompound.encodedLength(packets)).isEqualTo(wire.length);
            RtcpCompound.encode(packets, out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(wire);
        } finally {
            in.release();
            out.release();
        }
    }

    @Test
    void buildsChromesCompoundFromValues() {
        ByteBuf out = PooledBuffers.empty();
        try {
            RtcpCompound.encode(List.of(
                    new ReceiverReport(1, List.of(new ReportBlock(0x12345678, 0, 0, 12345, 12, 0x2C804000, 0x2000))),
                    new SourceDescription(List.of(SdesChunk.cname(1, "4TOk42mSjXCkVIa6")))), out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(HexVector.load("rtcp/chrome-rr-sdes.hex"));
        } finally {
            out.release();
        }
    }

    @Test
    void negativeCumulativeLossSurvivesTheTwentyFourBitField() {
        ByteBuf out = PooledBuffers.empty();
        try {
            ReportBlock block = new ReportBlock(1, 0, -3, 0, 0, 0, 0);
            block.encode(out);
            assertThat(out.getUnsignedMedium(5)).isEqualTo(0xFFFFFD);
            assertThat(ReportBlock.decode(out)).isEqualTo(block);
        } finally {
            out.release();
        }
    }

    private static List<RtcpPacket> decode(String vector) {
        ByteBuf in = PooledBuffers.of(HexVector.load(vector));
        try {
            return RtcpCompound.decode(in);
        } finally {
            in.release();
        }
    }
}
