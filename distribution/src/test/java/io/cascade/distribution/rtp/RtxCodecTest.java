// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 4588 §4: OSN in the first two payload octets, padding dropped, both directions. */
@ExtendWith(LeakDetection.class)
class RtxCodecTest {
    private static final byte[] ORIGINAL = HexVector.load("rtp/chrome-vp8-one-byte-extension.hex");
    private static final byte[] RTX = HexVector.load("rtp/rtx-chrome-vp8.hex");
    private static final int RTX_PT = 97;
    private static final int RTX_SSRC = 0x9ABCDEF0;

    @Test
    void wrapBuildsTheGoldenRtxPacket() {
        ByteBuf original = PooledBuffers.of(ORIGINAL);
        ByteBuf rtx = null;
        try {
            rtx = RtxCodec.wrap(RtpPacket.decode(original), RTX_PT, RTX_SSRC, 100, PooledBuffers.ALLOC);
            assertThat(PooledBuffers.readable(rtx)).isEqualTo(RTX);
            assertThat(RtxCodec.originalSequenceNumber(RtpPacket.decode(rtx))).isEqualTo(12345);
        } finally {
            original.release();
            if (rtx != null) {
                rtx.release();
            }
        }
    }

    @Test
    void unwrapRestoresTheOriginal() {
        ByteBuf rtx = PooledBuffers.of(RTX);
        ByteBuf restored = null;
        try {
            restored = RtxCodec.unwrap(RtpPacket.decode(rtx), 96, 0x12345678, PooledBuffers.ALLOC);
            assertThat(PooledBuffers.readable(restored)).isEqualTo(ORIGINAL);
        } finally {
            rtx.release();
            if (restored != null) {
                restored.release();
            }
        }
    }

    @Test
    void inPlaceWrapUsesHeadroomAndUnwrapGivesTheOriginalBack() {
        ByteBuf buf = PooledBuffers.withHeadroom(2, ORIGINAL);
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(RtxCodec.wrapInPlace(packet, RTX_PT, RTX_SSRC, 100)).isTrue();
            assertThat(PooledBuffers.readable(buf)).isEqualTo(RTX);
            assertThat(packet.validate()).isEqualTo(RtpValidity.VALID);

            assertThat(RtxCodec.unwrapInPlace(packet, 96, 0x12345678)).isTrue();
            assertThat(PooledBuffers.readable(buf)).isEqualTo(ORIGINAL);
            assertThat(packet.sequenceNumber()).isEqualTo(12345);
        } finally {
            buf.release();
        }
    }

    @Test
    void inPlaceWrapWithoutHeadroomChangesNothing() {
        ByteBuf buf = PooledBuffers.of(ORIGINAL);
        try {
            assertThat(RtxCodec.wrapInPlace(RtpPacket.decode(buf), RTX_PT, RTX_SSRC, 100)).isFalse();
            assertThat(PooledBuffers.readable(buf)).isEqualTo(ORIGINAL);
        } finally {
            buf.release();
        }
    }

    @Test
    void wrapDropsTheOriginalsPaddingAndClearsThePBit() {
        ByteBuf original = PooledBuffers.of(HexVector.load("rtp/csrc-marker-padding.hex"));
        ByteBuf rtx = null;
        try {
            rtx = RtxCodec.wrap(RtpPacket.decode(original), RTX_PT, RTX_SSRC, 7, PooledBuffers.ALLOC);
            RtpPacket packet = RtpPacket.decode(rtx);
            assertThat(packet.hasPadding()).isFalse();
            assertThat(packet.csrcCount()).isEqualTo(2);
            assertThat(packet.marker()).isTrue();
            assertThat(packet.payloadLength()).isEqualTo(2 + 5);
            assertThat(RtxCodec.originalSequenceNumber(packet)).isEqualTo(65535);
        } finally {
            original.release();
            if (rtx != null) {
                rtx.release();
            }
        }
    }

    @Test
    void paddingOnlyProbesHaveNoOriginal() {
        // Chrome probes bandwidth with RTX packets that are all padding (payload length 0).
        byte[] probe = HexVector.parse("b0 61 00 65 5f 5e 10 00 9a bc de f0 be de 00 01 31 01 2d 00"
                + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 20");
        ByteBuf buf = PooledBuffers.of(probe);
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.payloadLength()).isZero();
            assertThat(RtxCodec.originalSequenceNumber(packet)).isEqualTo(-1);
            assertThat(RtxCodec.unwrapInPlace(packet, 96, 1)).isFalse();
            assertThat(PooledBuffers.readable(buf)).isEqualTo(probe);
            assertThatThrownBy(() -> RtxCodec.unwrap(packet, 96, 1, PooledBuffers.ALLOC))
                    .isInstanceOfSatisfying(RtpFormatException.class, e -> assertThat(e.field()).isEqualTo("osn"));
        } finally {
            buf.release();
        }
    }
}
