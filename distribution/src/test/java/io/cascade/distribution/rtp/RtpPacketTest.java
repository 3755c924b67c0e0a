// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden vectors read through the view and the value, and round-tripped byte for byte. */
@ExtendWith(LeakDetection.class)
class RtpPacketTest {

    @Test
    void readsTheFixedHeaderOfTheRfc3550Vector() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtp/rfc3550-pcmu.hex"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.version()).isEqualTo(2);
            assertThat(packet.hasPadding()).isFalse();
            assertThat(packet.hasExtension()).isFalse();
            assertThat(packet.csrcCount()).isZero();
            assertThat(packet.marker()).isFalse();
            assertThat(packet.payloadType()).isZero();
            assertThat(packet.sequenceNumber()).isEqualTo(4660);
            assertThat(packet.timestamp()).isEqualTo(123456);
            assertThat(packet.ssrc()).isEqualTo(0xDEADBEEF);
            assertThat(packet.headerLength()).isEqualTo(12);
            assertThat(packet.payloadLength()).isEqualTo(160);
            assertThat(packet.extensionProfile()).isEqualTo(-1);
        } finally {
            buf.release();
        }
    }

    @Test
    void readsCsrcsMarkerAndPaddingAtTheWrapEdge() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtp/csrc-marker-padding.hex"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.csrcCount()).isEqualTo(2);
            assertThat(packet.csrc(0)).isEqualTo(0x11111111);
            assertThat(packet.csrc(1)).isEqualTo(0x22222222);
            assertThat(packet.marker()).isTrue();
            assertThat(packet.payloadType()).isEqualTo(96);
            assertThat(packet.sequenceNumber()).isEqualTo(65535);
            assertThat(Integer.toUnsignedLong(packet.timestamp())).isEqualTo(4294967040L);
            assertThat(packet.paddingLength()).isEqualTo(3);
            assertThat(packet.payloadLength()).isEqualTo(5);
            assertThat(buf.getByte(packet.payloadOffset())).isEqualTo((byte) 1);
            RtpHeader header = packet.header();
            assertThat(header.padding()).isTrue();
            assertThat(header.csrcs()).containsExactly(0x11111111, 0x22222222);
        } finally {
            buf.release();
        }
    }

    @Test
    void findsChromesAbsSendTimeAndTransportWideSequence() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtp/chrome-vp8-one-byte-extension.hex"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.extensionProfile()).isEqualTo(0xBEDE);
            assertThat(packet.headerLength()).isEqualTo(24);
            assertThat(packet.extensionLength(2)).isEqualTo(3);
            assertThat(buf.getUnsignedMedium(packet.extensionOffset(2))).isEqualTo(0x0B4567);
            assertThat(packet.extensionLength(3)).isEqualTo(2);
            assertThat(buf.getUnsignedShort(packet.extensionOffset(3))).isEqualTo(300);
            assertThat(packet.extensionOffset(4)).isEqualTo(-1);
            assertThat(packet.payloadLength()).isEqualTo(13);
            assertThat(packet.header().extension().elements()).containsExactly(
                    new ExtensionElement(2, new byte[] {0x0b, 0x45, 0x67}),
                    new ExtensionElement(3, new byte[] {0x01, 0x2c}));
        } finally {
            buf.release();
        }
    }

    @Test
    void readsTwoByteElementsIncludingEmptyAndHighIds() {
        ByteBuf buf = PooledBuffers.of(HexVector.load("rtp/two-byte-extension.hex"));
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.extensionProfile()).isEqualTo(0x1000);
            assertThat(packet.extensionLength(15)).isZero();
            assertThat(packet.extensionLength(1)).isEqualTo(1);
            assertThat(buf.getUnsignedByte(packet.extensionOffset(1))).isEqualTo((short) 0x9e);
            assertThat(packet.extensionLength(20)).isEqualTo(2);
            assertThat(packet.header().extension().elements()).containsExactly(
                    new ExtensionElement(15, new byte[0]),
                    new ExtensionElement(1, new byte[] {(byte) 0x9e}),
                    new ExtensionElement(20, new byte[] {'v', '1'}));
            assertThat(packet.payloadLength()).isEqualTo(3);
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtp/rfc3550-pcmu.hex", "rtp/csrc-marker-padding.hex",
        "rtp/chrome-vp8-one-byte-extension.hex", "rtp/two-byte-extension.hex", "rtp/rtx-chrome-vp8.hex"})
    void decodeThenEncodeGivesTheSameBytes(String vector) {
        byte[] wire = HexVector.load(vector);
        ByteBuf in = PooledBuffers.of(wire);
        ByteBuf out = PooledBuffers.empty();
        try {
            RtpPacket packet = RtpPacket.decode(in);
            ByteBuf payload = in.slice(packet.payloadOffset(), packet.payloadLength());
            RtpPacket.encode(packet.header(), payload, packet.paddingLength(), out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(wire);
        } finally {
            in.release();
            out.release();
        }
    }

    @Test
    void headerValueDecodesAndMovesToThePayload() {
        byte[] wire = HexVector.load("rtp/chrome-vp8-one-byte-extension.hex");
        ByteBuf in = PooledBuffers.of(wire);
        try {
            RtpHeader header = RtpHeader.decode(in);
            assertThat(in.readerIndex()).isEqualTo(24);
            assertThat(header.encodedLength()).isEqualTo(24);
            assertThat(header).isEqualTo(new RtpHeader(false, true, 96, 12345, 1600000000, 0x12345678, List.of(),
                    HeaderExtension.of(ExtensionProfile.ONE_BYTE, List.of(
                            new ExtensionElement(2, new byte[] {0x0b, 0x45, 0x67}),
                            new ExtensionElement(3, new byte[] {0x01, 0x2c})))));
        } finally {
            in.release();
        }
    }

    @Test
    void encodesAValueBuiltFromScratch() {
        byte[] silence = new byte[160];
        java.util.Arrays.fill(silence, (byte) 0xFF);
        ByteBuf payload = PooledBuffers.of(silence);
        ByteBuf out = PooledBuffers.empty();
        try {
            RtpPacket.encode(RtpHeader.of(false, 0, 4660, 123456, 0xDEADBEEF), payload, 0, out);
            assertThat(PooledBuffers.readable(out)).isEqualTo(HexVector.load("rtp/rfc3550-pcmu.hex"));
            assertThat(payload.readerIndex()).as("payload not consumed").isZero();
        } finally {
            payload.release();
            out.release();
        }
    }
}
