// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.conferencing.turn.bench.TurnClient;
import io.cascade.distribution.stun.ErrorCode;
import io.cascade.distribution.stun.RawAttribute;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.stun.XorMappedAddress;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STUN Binding in its forms (RFC 8489 §6.3, RFC 5769 §2.1), over UDP and over TCP. */
class StreamAndBindingTest {
    private TurnServerFixture fixture;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void bindingOverTcpAnswersTheConnectionsAddress() throws Exception {
        fixture = new TurnServerFixture(b -> b);
        try (Socket socket = new Socket()) {
            socket.connect(fixture.server.tcpAddress().orElseThrow(), 2000);
            socket.setSoTimeout(2000);
            byte[] request = StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(new SecureRandom()))
                    .fingerprint().encode();
            socket.getOutputStream().write(request);
            StunMessage response = StunDecoder.decode(readMessage(socket.getInputStream()));
            assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(response.find(XorMappedAddress.class).orElseThrow().address())
                    .isEqualTo(socket.getLocalSocketAddress());
            assertThat(StunIntegrity.verifyFingerprint(response)).isTrue();
        }
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420AndOptionalOnesAreIgnored() throws Exception {
        fixture = new TurnServerFixture(b -> b);
        TurnClient client = fixture.alice();
        StunMessage refused = client.exchange(StunMessageBuilder.request(StunMethod.BINDING,
                TransactionId.random(new SecureRandom())).add(new RawAttribute(0x7F00, new byte[] {1, 2, 3, 4}))
                .fingerprint().encode());
        assertThat(refused.find(ErrorCode.class).orElseThrow().code()).isEqualTo(420);
        assertThat(refused.find(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7F00);
        StunMessage answered = client.exchange(StunMessageBuilder.request(StunMethod.BINDING,
                TransactionId.random(new SecureRandom())).add(new RawAttribute(0xC0DE, new byte[] {1})).encode());
        assertThat(answered.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(answered.find(XorMappedAddress.class).orElseThrow().address()).isEqualTo(client.localAddress());
    }

    @Test
    void theRfc5769SampleRequestIsAnsweredWithTheSendersAddress() throws Exception {
        fixture = new TurnServerFixture(b -> b);
        TurnClient client = fixture.alice();
        // RFC 5769 §2.1, byte for byte (the codec's tests hold the same vector): a Binding request
        // with SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME, short-term MESSAGE-INTEGRITY, FINGERPRINT.
        byte[] vector = HexFormat.of().parseHex("000100582112a442b7e7a701bc34d686fa87dfae802200105354554e"
                + "207465737420636c69656e74002400046e0001ff80290008932ff9b151263b36000600096576746a3a6836765920"
                + "2020000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");
        StunMessage response = client.exchange(vector);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(StunDecoder.decode(vector).transactionId());
        assertThat(response.find(XorMappedAddress.class).orElseThrow().address())
                .isEqualTo((InetSocketAddress) client.localAddress());
    }

    /** One STUN message from a stream: the 20-byte header says how much follows. */
    private static byte[] readMessage(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[20];
        data.readFully(header);
        int length = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
        byte[] message = new byte[20 + length];
        System.arraycopy(header, 0, message, 0, 20);
        data.readFully(message, 20, length);
        return message;
    }
}
