// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static io.cascade.distribution.stun.GoldenVectors.MATRIX_PASSWORD;
import static io.cascade.distribution.stun.GoldenVectors.MATRIX_REALM;
import static io.cascade.distribution.stun.GoldenVectors.MATRIX_USERNAME;
import static io.cascade.distribution.stun.GoldenVectors.RFC5769_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5769's vectors, byte for byte: decode, verify, rebuild identical bytes, detect tampering. */
class Rfc5769VectorsTest {
  private static final byte[] SHORT_TERM_KEY = StunCredentials.shortTermKey(RFC5769_PASSWORD);
  private static final byte[] LONG_TERM_KEY =
      StunCredentials.longTermKey(MATRIX_USERNAME, MATRIX_REALM, MATRIX_PASSWORD);
  private static final TransactionId SAMPLE_ID =
      TransactionId.of(HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae"));

  @Test
  void sampleRequestDecodesToTheRfcFields() throws Exception {
    StunMessage request = decode(GoldenVectors.RFC5769_REQUEST);

    assertThat(request.type())
        .isEqualTo(new StunMessageType(StunMethod.BINDING, StunClass.REQUEST));
    assertThat(request.transactionId()).isEqualTo(SAMPLE_ID);
    assertThat(request.attributes()).containsExactly(
        new Software("STUN test client"),
        new Priority(0x6e0001ffL),
        new IceControlled(0x932ff9b151263b36L),
        new Username("evtj:h6vY"),
        new MessageIntegrity(HexFormat.of().parseHex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
        new Fingerprint(0xe57a3bcfL));
  }

  @Test
  void ipv4ResponseCarriesTheMappedAddress() throws Exception {
    StunMessage response = decode(GoldenVectors.RFC5769_IPV4_RESPONSE);

    assertThat(response.type().code()).isEqualTo(0x0101);
    assertThat(response.find(Software.class)).contains(new Software("test vector"));
    assertThat(response.find(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
  }

  @Test
  void ipv6ResponseCarriesTheMappedAddress() throws Exception {
    StunMessage response = decode(GoldenVectors.RFC5769_IPV6_RESPONSE);
    InetAddress expected = InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677");

    assertThat(response.find(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(new InetSocketAddress(expected, 32853));
  }

  @Test
  void longTermRequestDecodesTheUnicodeUsername() throws Exception {
    StunMessage request = decode(GoldenVectors.RFC5769_LONG_TERM_REQUEST);

    assertThat(request.find(Username.class)).contains(new Username(MATRIX_USERNAME));
    assertThat(request.find(Nonce.class)).contains(new Nonce("f//499k954d6OL34oL9FSTvy64sA"));
    assertThat(request.find(Realm.class)).contains(new Realm(MATRIX_REALM));
    assertThat(request.contains(Fingerprint.TYPE)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.RFC5769_REQUEST, GoldenVectors.RFC5769_IPV4_RESPONSE,
      GoldenVectors.RFC5769_IPV6_RESPONSE})
  void shortTermVectorsVerify(String vector) throws Exception {
    StunMessage message = StunDecoder.decode(GoldenVectors.load(vector));

    assertThat(StunIntegrity.verifyMessageIntegrity(message, SHORT_TERM_KEY)).isTrue();
    assertThat(StunIntegrity.verifyFingerprint(message)).isTrue();
    assertThat(StunIntegrity.verifyMessageIntegrity(message, "wrong".getBytes())).isFalse();
  }

  @Test
  void longTermVectorVerifiesWithTheSaslPreparedPassword() throws Exception {
    StunMessage request = decode(GoldenVectors.RFC5769_LONG_TERM_REQUEST);

    assertThat(StunIntegrity.verifyMessageIntegrity(request, LONG_TERM_KEY)).isTrue();
    assertThat(StunCredentials.longTermKey(MATRIX_USERNAME, MATRIX_REALM, "TheMatrIX"))
        .isEqualTo(LONG_TERM_KEY);
    assertThat(StunIntegrity.verifyFingerprint(request)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.RFC5769_REQUEST, GoldenVectors.RFC5769_IPV4_RESPONSE,
      GoldenVectors.RFC5769_IPV6_RESPONSE, GoldenVectors.RFC5769_LONG_TERM_REQUEST})
  void verbatimReEncodingGivesTheSameBytes(String vector) throws Exception {
    byte[] wire = GoldenVectors.load(vector);
    byte padding = vector.equals(GoldenVectors.RFC5769_LONG_TERM_REQUEST) ? 0 : (byte) ' ';

    byte[] encoded = StunMessageBuilder.copyOf(StunDecoder.decode(wire)).padding(padding).encode();

    assertThat(encoded).isEqualTo(wire);
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.RFC5769_REQUEST, GoldenVectors.RFC5769_IPV4_RESPONSE,
      GoldenVectors.RFC5769_IPV6_RESPONSE})
  void rebuildingWithComputedIntegrityAndFingerprintGivesTheSameBytes(String vector)
      throws Exception {
    byte[] wire = GoldenVectors.load(vector);
    StunMessage decoded = StunDecoder.decode(wire);

    byte[] rebuilt = withoutTrailer(decoded).padding((byte) ' ')
        .messageIntegrity(SHORT_TERM_KEY).fingerprint().encode();

    assertThat(rebuilt).isEqualTo(wire);
  }

  @Test
  void rebuildingTheLongTermRequestGivesTheSameBytes() throws Exception {
    byte[] wire = GoldenVectors.load(GoldenVectors.RFC5769_LONG_TERM_REQUEST);

    byte[] rebuilt =
        withoutTrailer(StunDecoder.decode(wire)).messageIntegrity(LONG_TERM_KEY).encode();

    assertThat(rebuilt).isEqualTo(wire);
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.RFC5769_REQUEST, GoldenVectors.RFC5769_IPV4_RESPONSE,
      GoldenVectors.RFC5769_IPV6_RESPONSE, GoldenVectors.RFC5769_LONG_TERM_REQUEST})
  void flippingAnyByteFailsDecodingOrVerification(String vector) {
    byte[] wire = GoldenVectors.load(vector);
    boolean longTerm = vector.equals(GoldenVectors.RFC5769_LONG_TERM_REQUEST);
    byte[] key = longTerm ? LONG_TERM_KEY : SHORT_TERM_KEY;
    for (int i = 0; i < wire.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = wire.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertThat(acceptedIntact(tampered, key, !longTerm)).as("byte %d bit %d", i, bit).isFalse();
      }
    }
  }

  /**
   * Decodes and checks integrity, and FINGERPRINT when the receiver requires one (ICE does, RFC
   * 8445 §7.2.2): FINGERPRINT follows MESSAGE-INTEGRITY, so only requiring it catches a flip that
   * turns it into an unknown optional attribute.
   */
  private static boolean acceptedIntact(byte[] bytes, byte[] key, boolean requireFingerprint) {
    try {
      StunMessage message = StunDecoder.decode(bytes);
      boolean fingerprintOk = !requireFingerprint || StunIntegrity.verifyFingerprint(message);
      return StunIntegrity.verifyMessageIntegrity(message, key) && fingerprintOk;
    } catch (StunFormatException e) {
      return false;
    }
  }

  private static StunMessage decode(String vector) throws StunFormatException {
    return StunDecoder.decode(GoldenVectors.load(vector));
  }

  private static StunMessageBuilder withoutTrailer(StunMessage message) {
    StunMessageBuilder builder = StunMessageBuilder.of(message.type(), message.transactionId());
    List<StunAttribute> attributes = message.attributes();
    attributes.stream()
        .filter(a -> !(a instanceof MessageIntegrity) && !(a instanceof Fingerprint))
        .forEach(builder::add);
    return builder;
  }
}
