// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What fan-out does per subscriber: rewrite header fields in place, touching nothing else. */
@ExtendWith(LeakDetection.class)
class RtpPacketRewriteTest {
    private static final byte[] CHROME = HexVector.load("rtp/chrome-vp8-one-byte-extension.hex");

    @Test
    void rewritesSsrcSequenceTimestampAndPayloadTypeInPlace() {
        ByteBuf buf = PooledBuffers.of(CHROME);
        try {
            RtpPacket packet = new RtpPacket().wrap(buf);
            packet.setSsrc(0xCAFEBABE);
            packet.setSequenceNumber(packet.sequenceNumber() + 65535); // one back, modulo 2^16
            packet.setTimestamp(packet.timestamp() + 3000);
            packet.setPayloadType(100);
            packet.setMarker(false);

            assertThat(packet.validate()).isEqualTo(RtpValidity.VALID);
            assertThat(packet.ssrc()).isEqualTo(0xCAFEBABE);
            assertThat(packet.sequenceNumber()).isEqualTo(12344);
            assertThat(packet.timestamp()).isEqualTo(1600003000);
            assertThat(packet.payloadType()).isEqualTo(100);
            assertThat(packet.marker()).isFalse();
            byte[] after = PooledBuffers.readable(buf);
            assertThat(after[0]).isEqualTo(CHROME[0]);
            assertThat(java.util.Arrays.copyOfRange(after, 12, after.length))
                    .as("CSRCs, extension and payload untouched")
                    .isEqualTo(java.util.Arrays.copyOfRange(CHROME, 12, CHROME.length));
        } finally {
            buf.release();
        }
    }

    @Test
    void restampsTransportWideSequenceAndAbsSendTime() {
        ByteBuf buf = PooledBuffers.of(CHROME);
        try {
            RtpPacket packet = RtpPacket.decode(buf);
            assertThat(packet.setExtensionValue(3, 0x1_FFFF)).isTrue(); // only the low 16 bits fit
            assertThat(packet.setExtensionValue(2, 0x123456)).isTrue();
            assertThat(packet.setExtensionValue(9, 1)).as("absent id").isFalse();

            assertThat(buf.getUnsignedShort(packet.extensionOffset(3))).isEqualTo(0xFFFF);
            assertThat(buf.getUnsignedMedium(packet.extensionOffset(2))).isEqualTo(0x123456);
            assertThat(packet.headerLength()).isEqualTo(24);
            assertThat(packet.payloadLength()).isEqualTo(13);
        } finally {
            buf.release();
        }
    }

    @Test
    void refusesAPayloadTypeThatDoesNotFitSevenBits() {
        ByteBuf buf = PooledBuffers.of(CHROME);
        try {
            RtpPacket packet = new RtpPacket().wrap(buf);
            assertThatThrownBy(() -> packet.setPayloadType(128)).isInstanceOf(IllegalArgumentException.class);
            assertThat(packet.payloadType()).isEqualTo(96);
        } finally {
            buf.release();
        }
    }

    @Test
    void oneViewServesManyBuffers() {
        ByteBuf first = PooledBuffers.of(CHROME);
        ByteBuf second = PooledBuffers.of(HexVector.load("rtp/rfc3550-pcmu.hex"));
        try {
            RtpPacket view = new RtpPacket();
            assertThat(view.wrap(first).ssrc()).isEqualTo(0x12345678);
            assertThat(view.wrap(second).ssrc()).isEqualTo(0xDEADBEEF);
            assertThat(view.buffer()).isSameAs(second);
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    void forwardingReadsAndRewritesAllocateNothing() {
        // Direct memory without leak tracking: PARANOID tracking records on every access.
        ByteBuf buf = new UnpooledByteBufAllocator(true, true).directBuffer(CHROME.length).writeBytes(CHROME);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RtpPacket view = new RtpPacket();
        try {
            long sink = forward(view, buf, 20_000); // warm up, let the JIT compile
            long before = threads.getCurrentThreadAllocatedBytes();
            sink += forward(view, buf, 100_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(sink).isNotZero();
            assertThat(allocated).as("bytes allocated by 100k forwards").isLessThan(1024);
        } finally {
            buf.release();
        }
    }

    private static long forward(RtpPacket view, ByteBuf buf, int packets) {
        long sink = 0;
        for (int i = 0; i < packets; i++) {
            view.wrap(buf);
            if (view.validate() != RtpValidity.VALID) {
                return -1;
            }
            sink += view.ssrc() + view.sequenceNumber() + view.payloadLength();
            view.setSsrc(view.ssrc() + 1);
            view.setSequenceNumber(view.sequenceNumber() + 1);
            view.setTimestamp(view.timestamp() + 3000);
            view.setPayloadType(96);
            view.setExtensionValue(3, i);
        }
        return sink;
    }
}
