// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class TransportSequenceStampTest {
    private static final int ID = 3;

    /** An RTP packet: {@code csrcs} CSRCs, an extension block of {@code words} zeroed words (-1: none), payload 0..n-1. */
    static ByteBuf packet(int csrcs, int words, int payload, int profile, int room) {
        ByteBuf b = Unpooled.buffer(64 + payload + room, 64 + payload + room);
        b.writeByte(0x80 | (words >= 0 ? 0x10 : 0) | csrcs).writeByte(96).writeShort(7).writeInt(9000).writeInt(0x1234);
        for (int i = 0; i < csrcs; i++) {
            b.writeInt(100 + i);
        }
        if (words >= 0) {
            b.writeShort(profile).writeShort(words).writeZero(4 * words);
        }
        for (int i = 0; i < payload; i++) {
            b.writeByte(i);
        }
        return b.capacity(b.writerIndex() + room);
    }

    static int readSequence(ByteBuf b) {
        RtpPacket view = new RtpPacket();
        assertThat(view.wrap(b).validate()).isEqualTo(RtpValidity.VALID);
        int at = view.extensionOffset(ID);
        assertThat(at).as("the element is there").isPositive();
        assertThat(view.extensionLength(ID)).isEqualTo(2);
        return b.getUnsignedShort(at);
    }

    static void assertPayload(ByteBuf b, int payload) {
        for (int i = 0; i < payload; i++) {
            assertThat((int) b.getUnsignedByte(b.writerIndex() - payload + i)).isEqualTo(i & 0xFF);
        }
    }

    @Test
    void aBlankedBlockIsReusedInPlace() {
        ByteBuf b = packet(0, 3, 100, 0xBEDE, 8);
        int length = b.readableBytes();
        assertThat(TransportSequenceStamp.write(b, ID, 0xABCD)).isZero();
        assertThat(b.readableBytes()).isEqualTo(length);
        assertThat(readSequence(b)).isEqualTo(0xABCD);
        assertPayload(b, 100);
    }

    @Test
    void aTwoByteBlockBecomesOneByte() {
        ByteBuf b = packet(2, 2, 33, 0x1000, 8);
        assertThat(TransportSequenceStamp.write(b, ID, 1)).isZero();
        assertThat(b.getUnsignedShort(12 + 8)).isEqualTo(0xBEDE);
        assertThat(readSequence(b)).isEqualTo(1);
        assertPayload(b, 33);
    }

    @Test
    void plainRtpGetsABlockInserted() {
        for (int payload : new int[] {0, 1, 7, 8, 9, 1187}) {
            ByteBuf b = packet(1, -1, payload, 0, 8);
            int length = b.readableBytes();
            assertThat(TransportSequenceStamp.write(b, ID, 65535)).isEqualTo(8);
            assertThat(b.readableBytes()).isEqualTo(length + 8);
            assertThat(b.getByte(0) & 0x10).as("X").isNotZero();
            assertThat(b.getInt(12)).as("CSRC kept").isEqualTo(100);
            assertThat(readSequence(b)).isEqualTo(65535);
            assertPayload(b, payload);
        }
    }

    @Test
    void anEmptyBlockGrowsByAWord() {
        ByteBuf b = packet(0, 0, 50, 0xBEDE, 8);
        int length = b.readableBytes();
        assertThat(TransportSequenceStamp.write(b, ID, 42)).isEqualTo(4);
        assertThat(b.readableBytes()).isEqualTo(length + 4);
        assertThat(readSequence(b)).isEqualTo(42);
        assertPayload(b, 50);
    }

    @Test
    void noRoomOrABrokenHeaderLeavesThePacketAlone() {
        ByteBuf tight = packet(0, -1, 20, 0, 0);
        ByteBuf copy = tight.copy();
        assertThat(TransportSequenceStamp.write(tight, ID, 5)).isEqualTo(-1);
        assertThat(tight).isEqualTo(copy);

        ByteBuf overrun = packet(0, 1, 0, 0xBEDE, 8);
        overrun.setShort(14, 9); // the block claims 9 words
        assertThat(TransportSequenceStamp.write(overrun, ID, 5)).isEqualTo(-1);
        assertThat(TransportSequenceStamp.write(Unpooled.buffer(8).writeZero(8), ID, 5)).isEqualTo(-1);
    }
}
