// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.stun.Data;
import io.cascade.distribution.stun.Software;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.XorMappedAddress;
import io.cascade.distribution.stun.XorPeerAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written wire paths write and read exactly what the shared codec does for the same
 * message: the codec is the reference (it passes the RFC 5769 vectors byte for byte).
 */
class FastPathsTest {
    private final Random random = new Random(7);

    @Test
    void fastBindingWritesTheCodecsBytes() throws Exception {
        for (String host : new String[] {"192.0.2.1", "2001:db8::1234:5678"}) {
            InetSocketAddress client = new InetSocketAddress(InetAddress.getByName(host), 32853);
            TransactionId id = TransactionId.random(random);
            byte[] request = StunMessageBuilder.request(StunMethod.BINDING, id).encode();
            ByteBuf in = Unpooled.wrappedBuffer(request);
            assertThat(FastBinding.matches(in)).isTrue();
            ByteBuf out = Unpooled.buffer();
            FastBinding.writeResponse(in, client, out);
            StunMessage parsedRequest = StunDecoder.decode(request);
            byte[] expected = StunMessageBuilder.successResponse(parsedRequest)
                    .add(new XorMappedAddress(client)).fingerprint().encode();
            assertThat(bytes(out)).isEqualTo(expected);
            assertThat(FastBinding.responseLength(client)).isEqualTo(expected.length);
        }
    }

    @Test
    void fastBindingTakesOnlyAttributeLessRequests() {
        byte[] withSoftware = StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
                .add(new Software("x")).encode();
        assertThat(FastBinding.matches(Unpooled.wrappedBuffer(withSoftware))).isFalse();
    }

    @Test
    void sendIndicationViewReadsWhatTheCodecWrote() throws Exception {
        for (String host : new String[] {"198.51.100.9", "2001:db8::9"}) {
            InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName(host), 40000);
            byte[] payload = {1, 2, 3, 4, 5};
            byte[] message = StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(random))
                    .add(new Software("turnutils")).add(new XorPeerAddress(peer)).add(new Data(payload))
                    .fingerprint().encode();
            SendIndicationView view = new SendIndicationView();
            ByteBuf in = Unpooled.wrappedBuffer(message);
            assertThat(view.parse(in)).isTrue();
            assertThat(view.peer()).isEqualTo(peer);
            assertThat(view.peerEquals(peer)).isTrue();
            assertThat(bytes(in.slice(view.dataIndex(), view.dataLength()))).isEqualTo(payload);
            message[message.length - 1] ^= 1; // break FINGERPRINT
            assertThat(view.parse(Unpooled.wrappedBuffer(message))).isFalse();
        }
    }

    @Test
    void dataIndicationDecodesWithTheCodec() throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("2001:db8::77"), 5004);
        ByteBuf payload = Unpooled.wrappedBuffer(new byte[] {9, 8, 7});
        ByteBuf out = Unpooled.buffer();
        DataIndication.write(peer, payload, 0, 3, out);
        assertThat(out.readableBytes()).isEqualTo(DataIndication.length(peer, 3));
        StunMessage message = StunDecoder.decode(bytes(out));
        assertThat(message.method()).isEqualTo(StunMethod.DATA);
        assertThat(message.find(XorPeerAddress.class).orElseThrow().address()).isEqualTo(peer);
        assertThat(message.find(Data.class).orElseThrow().value()).containsExactly(9, 8, 7);
        assertThat(StunIntegrity.verifyFingerprint(message)).isFalse(); // none is written
    }

    @Test
    void channelFramesArePaddedOnStreamsOnly() {
        ByteBuf data = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5});
        ByteBuf datagram = Unpooled.buffer();
        ChannelFrame.write(0x4001, data, 0, 5, false, datagram);
        assertThat(bytes(datagram)).containsExactly(0x40, 0x01, 0, 5, 1, 2, 3, 4, 5);
        ByteBuf stream = Unpooled.buffer();
        ChannelFrame.write(0x7FFE, data, 0, 5, true, stream);
        assertThat(bytes(stream)).containsExactly(0x7F, 0xFE, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0);
        assertThat(ChannelFrame.datagramDataLength(Unpooled.wrappedBuffer(bytes(stream)))).as("padding tolerated").isEqualTo(5);
        assertThat(ChannelFrame.datagramDataLength(Unpooled.wrappedBuffer(new byte[] {0x40, 1, 0, 9, 1}))).isEqualTo(-1);
    }

    @Test
    void classicBindingAnswersMappedAddressOrA420ForChangeRequests() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 32256);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 3478);
        // As captured from the Debian `stun` client: no magic cookie, CHANGE-REQUEST 0.
        byte[] plain = java.util.HexFormat.of().parseHex("000100080133b71e032c91322b3cec5c6d1b8a460003000400000000");
        ByteBuf answer = Unpooled.buffer();
        assertThat(ClassicBinding.matches(Unpooled.wrappedBuffer(plain))).isTrue();
        assertThat(ClassicBinding.writeResponse(Unpooled.wrappedBuffer(plain), client, server, answer)).isTrue();
        byte[] response = bytes(answer);
        assertThat(response[0] << 8 | response[1]).isEqualTo(0x0101);
        assertThat(java.util.Arrays.copyOfRange(response, 4, 20)).isEqualTo(java.util.Arrays.copyOfRange(plain, 4, 20));
        assertThat(java.util.Arrays.copyOfRange(response, 20, 32))
                .containsExactly(0, 1, 0, 8, 0, 1, 0x7E, 0x00, 127, 0, 0, 1); // MAPPED-ADDRESS 127.0.0.1:32256
        byte[] changeIp = plain.clone();
        changeIp[27] = 4;
        ByteBuf refused = Unpooled.buffer();
        ClassicBinding.writeResponse(Unpooled.wrappedBuffer(changeIp), client, server, refused);
        byte[] error = bytes(refused);
        assertThat(error[0] << 8 | error[1]).isEqualTo(0x0111);
        assertThat(java.util.HexFormat.of().formatHex(error)).contains("000a000400030003"); // UNKNOWN-ATTRIBUTES
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] b = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), b);
        return b;
    }
}
