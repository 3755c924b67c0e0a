// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/** Malformed input: every case is a {@link StunFormatException} naming the field. */
class StunDecoderTest {
  private static final TransactionId ID = TransactionId.of(new byte[12]);

  @Test
  void truncatedHeaderIsRejected() {
    byte[] request = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    for (int length = 0; length < StunHeader.LENGTH; length++) {
      assertRejected(Arrays.copyOf(request, length)).isEqualTo("header");
    }
  }

  @Test
  void lengthNotAMultipleOfFourIsRejected() {
    byte[] message = header(0x0001, 6, 8);
    assertRejected(message).isEqualTo("message length");
  }

  @Test
  void lengthThatDisagreesWithTheDatagramIsRejected() {
    byte[] request = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    assertRejected(Arrays.copyOf(request, request.length - 4)).isEqualTo("message length");
    assertRejected(Arrays.copyOf(request, request.length + 4)).isEqualTo("message length");
  }

  @Test
  void hugeLengthIsRejectedWithoutAllocating() {
    byte[] message = header(0x0001, 0xFFFC, 0);
    assertRejected(message).isEqualTo("message length");
  }

  @Test
  void missingMagicCookieIsRejected() {
    byte[] message = header(0x0001, 0, 0);
    message[4] = 0;
    assertRejected(message).isEqualTo("magic cookie");
  }

  @Test
  void leadingBitsAndUnknownMethodsAreRejected() {
    assertRejected(header(0x4001, 0, 0)).isEqualTo("message type");
    assertRejected(header(0x000A, 0, 0)).isEqualTo("message method");
  }

  @Test
  void attributeLengthPastTheEndIsRejected() {
    byte[] message = header(0x0001, 8, 8);
    BigEndian.putU16(message, 20, Software.TYPE);
    BigEndian.putU16(message, 22, 5);
    assertRejected(message).isEqualTo("attribute length");
    BigEndian.putU16(message, 22, 0xFFFF);
    assertRejected(message).isEqualTo("attribute length");
  }

  @Test
  void zeroLengthAddressIsRejected() {
    assertRejected(withAttribute(XorMappedAddress.TYPE, new byte[0]))
        .isEqualTo("XOR-MAPPED-ADDRESS");
    assertRejected(withAttribute(MappedAddress.TYPE, new byte[0])).isEqualTo("MAPPED-ADDRESS");
  }

  @Test
  void unknownAddressFamilyIsRejected() {
    byte[] value = HexFormat.of().parseHex("0003a147e112a643");
    assertRejected(withAttribute(XorPeerAddress.TYPE, value)).isEqualTo("XOR-PEER-ADDRESS");
  }

  @Test
  void addressLengthMustMatchItsFamily() {
    byte[] ipv6LengthForIpv4 = new byte[20];
    ipv6LengthForIpv4[1] = 0x01;
    assertRejected(withAttribute(XorRelayedAddress.TYPE, ipv6LengthForIpv4))
        .isEqualTo("XOR-RELAYED-ADDRESS");
  }

  @Test
  void messageIntegrityOfTheWrongSizeIsRejected() {
    assertRejected(withAttribute(MessageIntegrity.TYPE, new byte[16]))
        .isEqualTo("MESSAGE-INTEGRITY");
    assertRejected(withAttribute(MessageIntegritySha256.TYPE, new byte[12]))
        .isEqualTo("MESSAGE-INTEGRITY-SHA256");
    assertRejected(withAttribute(MessageIntegritySha256.TYPE, new byte[30]))
        .isEqualTo("MESSAGE-INTEGRITY-SHA256");
    assertRejected(withAttribute(MessageIntegritySha256.TYPE, new byte[36]))
        .isEqualTo("MESSAGE-INTEGRITY-SHA256");
  }

  @Test
  void attributeAfterFingerprintIsRejected() {
    byte[] message = StunMessageBuilder.request(StunMethod.BINDING, ID)
        .add(new Fingerprint(0)).encode();
    byte[] longer = Arrays.copyOf(message, message.length + 4);
    BigEndian.putU16(longer, 2, longer.length - StunHeader.LENGTH);
    BigEndian.putU16(longer, message.length, Software.TYPE);
    assertRejected(longer).isEqualTo("FINGERPRINT");
  }

  @Test
  void malformedUtf8IsRejected() {
    assertRejected(withAttribute(Username.TYPE, new byte[] {(byte) 0xC3, 0x28}))
        .isEqualTo("USERNAME");
  }

  @Test
  void tooManyAttributesAreRejected() {
    StunMessageBuilder builder = StunMessageBuilder.request(StunMethod.BINDING, ID);
    for (int i = 0; i <= StunDecoder.MAX_ATTRIBUTES; i++) {
      builder.add(new UseCandidate());
    }
    assertRejected(builder.encode()).isEqualTo("attributes");
  }

  @Test
  void attributesAfterMessageIntegrityAreIgnored() throws Exception {
    byte[] message = StunMessageBuilder.request(StunMethod.BINDING, ID)
        .add(new Username("a:b")).add(new MessageIntegrity(new byte[20]))
        .add(new Software("not protected")).add(new RawAttribute(0x7FFF, new byte[3]))
        .add(new MessageIntegritySha256(new byte[32])).add(new Priority(1))
        .add(new Fingerprint(0)).encode();

    StunMessage decoded = StunDecoder.decode(message);

    assertThat(decoded.attributes()).extracting(StunAttribute::type).containsExactly(
        Username.TYPE, MessageIntegrity.TYPE, MessageIntegritySha256.TYPE, Fingerprint.TYPE);
    assertThat(decoded.unknownComprehensionRequired()).isEmpty();
  }

  @Test
  void unknownAttributesAreKeptRaw() throws Exception {
    byte[] message = StunMessageBuilder.request(StunMethod.ALLOCATE, ID)
        .add(new RawAttribute(0x0031, new byte[] {1, 2, 3}))
        .add(new RawAttribute(0xC057, new byte[] {0, 1, 0, 10}))
        .add(new RawAttribute(0x0031, new byte[0])).encode();

    StunMessage decoded = StunDecoder.decode(message);

    assertThat(decoded.find(RawAttribute.class).orElseThrow().value()).containsExactly(1, 2, 3);
    assertThat(decoded.unknownComprehensionRequired()).containsExactly(0x0031);
  }

  @Test
  void decodingFromAByteBufLeavesItUntouched() throws Exception {
    byte[] wire = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    ByteBuf buffer = Unpooled.directBuffer().writeZero(3).writeBytes(wire);
    try {
      buffer.readerIndex(3);
      StunMessage message = StunDecoder.decode(buffer);
      assertThat(buffer.readerIndex()).isEqualTo(3);
      assertThat(message).isEqualTo(StunDecoder.decode(wire));
      assertThat(StunIntegrity.verifyFingerprint(message)).isTrue();
    } finally {
      buffer.release();
    }
  }

  @Test
  void decodingFromAnOffsetCopiesTheBytes() throws Exception {
    byte[] wire = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    byte[] framed = new byte[wire.length + 10];
    System.arraycopy(wire, 0, framed, 5, wire.length);

    StunMessage message = StunDecoder.decode(framed, 5, wire.length);
    Arrays.fill(framed, (byte) 0);

    assertThat(StunIntegrity.verifyFingerprint(message)).isTrue();
  }

  private static byte[] header(int type, int bodyLength, int actualBodyLength) {
    byte[] message = new byte[StunHeader.LENGTH + actualBodyLength];
    BigEndian.putU16(message, 0, type);
    BigEndian.putU16(message, 2, bodyLength);
    BigEndian.putI32(message, 4, StunHeader.MAGIC_COOKIE);
    return message;
  }

  /** A Binding request with one attribute whose raw value is {@code value}. */
  private static byte[] withAttribute(int type, byte[] value) {
    int padded = BigEndian.pad4(value.length);
    byte[] message = header(0x0001, 4 + padded, 4 + padded);
    BigEndian.putU16(message, 20, type);
    BigEndian.putU16(message, 22, value.length);
    System.arraycopy(value, 0, message, 24, value.length);
    return message;
  }

  private static AbstractStringAssert<?> assertRejected(byte[] bytes) {
    StunFormatException thrown =
        catchThrowableOfType(StunFormatException.class, () -> StunDecoder.decode(bytes));
    assertThat(thrown).as("decoding %s", HexFormat.of().formatHex(bytes)).isNotNull();
    return assertThat(thrown.field());
  }
}
