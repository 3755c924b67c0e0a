// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.testing.HexVector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Protocol control (§5.4) and user control (§6.2) message bodies, byte for byte both ways. */
class ControlMessagesGoldenTest {

    private static <T extends RtmpPayload> void assertGolden(T payload, Function<ByteBuf, T> decode, String hex) {
        byte[] golden = HexVector.parse(hex);
        ByteBuf out = Unpooled.buffer();
        payload.encode(out);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(golden);
        assertThat(decode.apply(Unpooled.wrappedBuffer(golden))).isEqualTo(payload);
    }

    @Test
    void protocolControlMessages() {
        assertGolden(new SetChunkSize(4096), in -> SetChunkSize.decode(in, 65536),
                "00 00 10 00  # §5.4.1 chunk size 4096, top bit 0");
        assertGolden(new AbortMessage(4), AbortMessage::decode, "00 00 00 04  # §5.4.2 chunk stream id 4");
        assertGolden(new Acknowledgement(0xFFFFFFFFL), Acknowledgement::decode,
                "ff ff ff ff  # §5.4.3 sequence number 2^32 - 1");
        assertGolden(new WindowAcknowledgementSize(2_500_000), WindowAcknowledgementSize::decode,
                "00 26 25 a0  # §5.4.4 window 2500000");
        assertGolden(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.DYNAMIC), SetPeerBandwidth::decode, """
                00 26 25 a0  # §5.4.5 window 2500000
                02           # limit type 2: dynamic
                """);
        assertThat(new SetChunkSize(1).type().id()).isEqualTo(1);
        assertThat(new SetPeerBandwidth(1, 0).type().id()).isEqualTo(6);
    }

    @Test
    void userControlEvents() {
        assertGolden(UserControlEvent.streamBegin(1), UserControlEvent::decode, """
                00 00        # §7.1.7 event type 0: Stream Begin
                00 00 00 01  # stream id 1
                """);
        assertGolden(new UserControlEvent(UserControlEvent.SET_BUFFER_LENGTH, 1, 3000), UserControlEvent::decode, """
                00 03        # event type 3: Set Buffer Length
                00 00 00 01  # stream id 1
                00 00 0b b8  # 3000 ms
                """);
        assertGolden(new UserControlEvent(UserControlEvent.PING_REQUEST, 123456, 0), UserControlEvent::decode, """
                00 06        # event type 6: Ping Request
                00 01 e2 40  # timestamp 123456
                """);
    }

    @Test
    void truncatedControlMessagesAreProtocolErrors() {
        assertThatThrownBy(() -> WindowAcknowledgementSize.decode(Unpooled.wrappedBuffer(new byte[3])))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("windowAcknowledgementSize");
        assertThatThrownBy(() -> SetPeerBandwidth.decode(Unpooled.wrappedBuffer(HexVector.parse("00 00 00 01 03"))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("limitType");
        assertThatThrownBy(() -> UserControlEvent.decode(Unpooled.wrappedBuffer(HexVector.parse("00 03 00 00 00 01"))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("setBufferLength");
    }
}
