// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Stream framing (RFC 8656 §12.5): bytes in, whole messages out, whatever the segmentation. */
class StreamFrameDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void cutsStunAndPaddedChannelDataOutOfArbitrarySegments() {
        TurnCounters counters = new TurnCounters();
        EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(counters));
        byte[] stream = HEX.parseHex("000100002112a442000102030405060708090a0b" // Binding request
                + "400100050102030405000000" // ChannelData, 5 bytes padded to 8
                + "7ffe000000000000".substring(0, 8)); // empty ChannelData on channel 0x7FFE
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        ByteBuf third = channel.readInbound();
        assertThat(first.readableBytes()).isEqualTo(20);
        assertThat(second.readableBytes()).isEqualTo(12);
        assertThat(third.readableBytes()).isEqualTo(4);
        first.release();
        second.release();
        third.release();
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void closesTheConnectionOnBytesThatAreNeitherStunNorChannelData() {
        TurnCounters counters = new TurnCounters();
        EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(counters));
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("16030100")));
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.get(TurnCounter.DROPPED_MALFORMED)).isEqualTo(1);
    }
}
