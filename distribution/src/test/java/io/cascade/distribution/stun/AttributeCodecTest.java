// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attribute class: exact value bytes, round trip, and malformed values. */
class AttributeCodecTest {
  private static final TransactionId ID = TransactionId.random(new SplittableRandom(7));

  static Stream<StunAttribute> samples() throws Exception {
    InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 3478);
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 49152);
    return Stream.of(new MappedAddress(v4), new XorMappedAddress(v6), new AlternateServer(v6),
        new XorPeerAddress(v4), new XorRelayedAddress(v6), new Username("alice"),
        new Realm("example.org"), new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
        new Software("Cascade \u00e9"), new Userhash(new byte[32]),
        new MessageIntegrity(new byte[20]), new MessageIntegritySha256(new byte[16]),
        new Fingerprint(0xFFFF_FFFFL), new ErrorCode(438, "Stale Nonce"),
        new UnknownAttributes(List.of(0x0031, 0x0032, 0x0033)),
        PasswordAlgorithm.of(PasswordAlgorithm.MD5),
        new PasswordAlgorithm(0x1234, new byte[] {1, 2, 3, 4, 5}),
        new PasswordAlgorithms(
            List.of(PasswordAlgorithm.of(2), new PasswordAlgorithm(9, new byte[] {7}))),
        new ChannelNumber(0x4001), new Lifetime(600), new Data(new byte[] {1, 2, 3}),
        new RequestedAddressFamily(0x02), new EvenPort(true), new EvenPort(false),
        new RequestedTransport(RequestedTransport.UDP), new DontFragment(),
        new ReservationToken(0x0102030405060708L), new AdditionalAddressFamily(0x02),
        new AddressErrorCode(0x01, 440, "Address Family not Supported"), new Icmp(3, 4, 1280),
        new Priority(0xFFFF_FFFFL), new UseCandidate(), new IceControlled(-1L),
        new IceControlling(42L), new RawAttribute(0xC057, new byte[] {0, 1, 0, 10}));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void attributeRoundTripsThroughAMessage(StunAttribute attribute) throws Exception {
    byte[] wire = StunMessageBuilder.request(StunMethod.ALLOCATE, ID).add(attribute).encode();

    StunMessage decoded = StunDecoder.decode(wire);

    assertThat(decoded.attributes()).containsExactly(attribute);
    assertThat(wire.length)
        .isEqualTo(StunHeader.LENGTH + 4 + BigEndian.pad4(attribute.valueLength()));
  }

  @Test
  void errorCodeSplitsClassAndNumber() throws Exception {
    assertThat(valueHex(ErrorCode.of(StunError.UNKNOWN_ATTRIBUTE)))
        .isEqualTo("00000414" + HexFormat.of().formatHex("Unknown Attribute".getBytes()));
    assertThat(ErrorCode.decode(HexFormat.of().parseHex("fffffc1f"), 0, 4))
        .isEqualTo(new ErrorCode(431, ""));
  }

  @Test
  void errorCodeOutsideItsRangesIsAFormatError() {
    assertThatThrownBy(() -> ErrorCode.decode(HexFormat.of().parseHex("00000200"), 0, 4))
        .isInstanceOf(StunFormatException.class).hasMessageContaining("class 2");
    assertThatThrownBy(() -> ErrorCode.decode(HexFormat.of().parseHex("00000464"), 0, 4))
        .isInstanceOf(StunFormatException.class).hasMessageContaining("number 100");
    assertThatThrownBy(() -> ErrorCode.decode(new byte[3], 0, 3))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> new ErrorCode(299, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void turnValuesHaveTheirRfcLayouts() {
    assertThat(valueHex(new ChannelNumber(0x4001))).isEqualTo("40010000");
    assertThat(valueHex(new RequestedTransport(17))).isEqualTo("11000000");
    assertThat(valueHex(RequestedAddressFamily.of(AddressFamily.IPV6))).isEqualTo("02000000");
    assertThat(valueHex(new EvenPort(true))).isEqualTo("80");
    assertThat(valueHex(new Icmp(3, 4, 1280))).isEqualTo("0000060400000500");
    assertThat(valueHex(AddressErrorCode.of(AddressFamily.IPV6, StunError.INSUFFICIENT_CAPACITY)))
        .startsWith("02000508");
    assertThat(valueHex(new Lifetime(0xFFFF_FFFFL))).isEqualTo("ffffffff");
  }

  @Test
  void reservedBitsAreIgnoredOnReceipt() throws Exception {
    assertThat(ChannelNumber.decode(HexFormat.of().parseHex("4001ffff"), 0, 4))
        .isEqualTo(new ChannelNumber(0x4001));
    assertThat(EvenPort.decode(new byte[] {0x7F}, 0, 1)).isEqualTo(new EvenPort(false));
    assertThat(RequestedTransport.decode(HexFormat.of().parseHex("11ffffff"), 0, 4).protocol())
        .isEqualTo(17);
    assertThat(Icmp.decode(HexFormat.of().parseHex("ffff060400000000"), 0, 8))
        .isEqualTo(new Icmp(3, 4, 0));
  }

  @Test
  void valuesTheServerMustAnswerStillDecode() throws Exception {
    ChannelNumber outOfRange = ChannelNumber.decode(HexFormat.of().parseHex("50000000"), 0, 4);
    assertThat(outOfRange.isValid()).isFalse();
    byte[] unknownFamily = HexFormat.of().parseHex("07000000");
    assertThat(RequestedAddressFamily.decode(unknownFamily, 0, 4).addressFamily()).isEmpty();
    assertThat(RequestedTransport.decode(HexFormat.of().parseHex("06000000"), 0, 4).protocol())
        .isEqualTo(RequestedTransport.TCP);
  }

  @Test
  void fixedSizeValuesOfTheWrongSizeAreFormatErrors() {
    assertThatThrownBy(() -> Priority.decode(new byte[8], 0, 3))
        .isInstanceOf(StunFormatException.class)
        .hasMessageStartingWith("PRIORITY");
    assertThatThrownBy(() -> IceControlling.decode(new byte[8], 0, 4))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> UseCandidate.decode(new byte[8], 0, 4))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> Fingerprint.decode(new byte[8], 0, 8))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> Userhash.decode(new byte[40], 0, 31))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> EvenPort.decode(new byte[8], 0, 4))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> Icmp.decode(new byte[8], 0, 4))
        .isInstanceOf(StunFormatException.class);
  }

  @Test
  void listValuesMustBeWhole() {
    assertThatThrownBy(() -> UnknownAttributes.decode(new byte[3], 0, 3))
        .isInstanceOf(StunFormatException.class);
    byte[] truncatedParameters = HexFormat.of().parseHex("00010008000000");
    assertThatThrownBy(() -> PasswordAlgorithms.decode(truncatedParameters, 0, 7))
        .isInstanceOf(StunFormatException.class);
    byte[] trailingBytes = HexFormat.of().parseHex("0002000000000000");
    assertThatThrownBy(() -> PasswordAlgorithm.decode(trailingBytes, 0, trailingBytes.length))
        .isInstanceOf(StunFormatException.class);
  }

  @Test
  void textIsCappedAt763Bytes() {
    byte[] text = "a".repeat(764).getBytes();
    assertThatThrownBy(() -> Nonce.decode(text, 0, text.length))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> new Software("a".repeat(764)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Username("\uD800")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rawAttributesRefuseKnownTypes() {
    assertThatThrownBy(() -> new RawAttribute(Username.TYPE, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteValuedAttributesAreImmutable() {
    byte[] payload = {1, 2, 3};
    Data data = new Data(payload);
    payload[0] = 9;
    data.value()[1] = 9;

    assertThat(data.value()).containsExactly(1, 2, 3);
    assertThat(data.asReadOnlyBuffer().isReadOnly()).isTrue();
  }

  private static String valueHex(StunAttribute attribute) {
    byte[] value = new byte[attribute.valueLength()];
    attribute.encodeValue(value, 0, ID);
    return HexFormat.of().formatHex(value);
  }
}
