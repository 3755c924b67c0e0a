// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encoding, trailer order and length fix-ups, as the ICE-lite and TURN servers will use them. */
class StunMessageBuilderTest {
  private static final byte[] ICE_PWD = StunCredentials.shortTermKey("asd88fgpdd777uzjYhagZg");
  private final SplittableRandom random = new SplittableRandom(3478);

  @BeforeAll
  static void detectLeaks() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  @Test
  void bindingSuccessResponseVerifies() throws Exception {
    StunMessage request = StunDecoder.decode(bindingRequest());
    InetSocketAddress source = new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 61000);

    byte[] wire = StunMessageBuilder.successResponse(request)
        .add(new XorMappedAddress(source)).messageIntegrity(ICE_PWD).fingerprint().encode();
    StunMessage response = StunDecoder.decode(wire);

    assertThat(wire).hasSize(20 + 12 + 24 + 8);
    assertThat(response.type().code()).isEqualTo(0x0101);
    assertThat(response.transactionId()).isEqualTo(request.transactionId());
    assertThat(response.find(XorMappedAddress.class).orElseThrow().address()).isEqualTo(source);
    assertThat(StunIntegrity.verifyMessageIntegrity(response, ICE_PWD)).isTrue();
    assertThat(StunIntegrity.verifyFingerprint(response)).isTrue();
  }

  @Test
  void allThreeTrailersAreWrittenInOrderAndEachVerifies() throws Exception {
    byte[] wire = StunMessageBuilder.request(StunMethod.REFRESH, TransactionId.random(random))
        .fingerprint().messageIntegritySha256(ICE_PWD, 20).messageIntegrity(ICE_PWD)
        .add(new Lifetime(0)).encode();
    StunMessage message = StunDecoder.decode(wire);

    assertThat(message.attributes()).extracting(StunAttribute::type).containsExactly(
        Lifetime.TYPE, MessageIntegrity.TYPE, MessageIntegritySha256.TYPE, Fingerprint.TYPE);
    assertThat(StunIntegrity.verifyMessageIntegrity(message, ICE_PWD)).isTrue();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(message, ICE_PWD, 20)).isTrue();
    assertThat(StunIntegrity.verifyFingerprint(message)).isTrue();
  }

  @Test
  void errorResponseCarriesTheCodeAndUnknownAttributes() throws Exception {
    StunMessage request = StunDecoder.decode(StunMessageBuilder.request(StunMethod.ALLOCATE,
        TransactionId.random(random)).add(new RawAttribute(0x0031, new byte[] {1})).encode());

    StunMessage response = StunDecoder.decode(StunMessageBuilder
        .errorResponse(request, StunError.UNKNOWN_ATTRIBUTE)
        .add(new UnknownAttributes(request.unknownComprehensionRequired())).encode());

    assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    assertThat(response.find(ErrorCode.class).orElseThrow().error())
        .contains(StunError.UNKNOWN_ATTRIBUTE);
    assertThat(response.find(UnknownAttributes.class).orElseThrow().types())
        .containsExactly(0x0031);
  }

  @Test
  void paddingIsZeroByDefault() {
    byte[] wire = StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(random))
        .add(new Data(new byte[] {(byte) 0xAA})).encode();

    assertThat(wire).endsWith(new byte[] {(byte) 0xAA, 0, 0, 0});
    assertThat(BigEndian.u16(wire, 2)).isEqualTo(8);
  }

  @Test
  void encodesIntoHeapAndDirectBuffersWithoutLeaking() throws Exception {
    StunMessageBuilder builder =
        StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
        .add(new Username("a:b")).messageIntegrity(ICE_PWD).fingerprint();
    for (ByteBuf buffer : List.of(PooledByteBufAllocator.DEFAULT.heapBuffer(8),
        PooledByteBufAllocator.DEFAULT.directBuffer(8))) {
      try {
        buffer.writeByte(0x55);
        builder.writeTo(buffer);
        buffer.skipBytes(1);
        assertThat(StunHeader.isStun(buffer)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(StunDecoder.decode(buffer))).isTrue();
        assertThat(buffer.readableBytes()).isEqualTo(builder.encodedLength());
      } finally {
        buffer.release();
      }
    }
  }

  @Test
  void encodeIntoWritesAtAnOffsetAndReportsTheLength() {
    StunMessageBuilder builder =
        StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
        .fingerprint();
    byte[] target = new byte[64];

    int written = builder.encodeInto(target, 7);

    assertThat(written).isEqualTo(28);
    assertThat(StunHeader.isStun(target, 7, written)).isTrue();
    assertThatThrownBy(() -> builder.encodeInto(new byte[27], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void nothingMayFollowAVerbatimFingerprint() {
    StunMessageBuilder builder =
        StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
        .add(new Fingerprint(1));

    assertThatThrownBy(() -> builder.add(new Priority(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.messageIntegrity(ICE_PWD).encode())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oversizedMessagesAndBadKeysAreRefused() {
    StunMessageBuilder builder =
        StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(random))
        .add(new Data(new byte[60000])).add(new Data(new byte[6000]));

    assertThatThrownBy(builder::encode).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.messageIntegrity(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.messageIntegritySha256(ICE_PWD, 18))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** What a browser sends to an ICE-lite agent (RFC 8445 §7.2.2), minus Chrome's private extras. */
  private byte[] bindingRequest() {
    return StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random))
        .add(new Username("ourUfrag:theirUfrag")).add(new IceControlling(random.nextLong()))
        .add(new UseCandidate()).add(new Priority(1845501695L))
        .messageIntegrity(ICE_PWD).fingerprint().encode();
  }
}
