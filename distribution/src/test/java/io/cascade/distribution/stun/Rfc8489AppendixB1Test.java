// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static io.cascade.distribution.stun.GoldenVectors.MATRIX_PASSWORD;
import static io.cascade.distribution.stun.GoldenVectors.MATRIX_REALM;
import static io.cascade.distribution.stun.GoldenVectors.MATRIX_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * RFC 8489 Appendix B.1 (MESSAGE-INTEGRITY-SHA256 and USERHASH). The vector as published is
 * inconsistent; verified erratum 6268 corrects it (see vectors/README.md).
 */
class Rfc8489AppendixB1Test {
  private static final byte[] SHA256_KEY =
      StunCredentials.longTermKeySha256(MATRIX_USERNAME, MATRIX_REALM, MATRIX_PASSWORD);

  @Test
  void correctedVectorDecodesToItsFields() throws Exception {
    StunMessage request = StunDecoder.decode(GoldenVectors.load(GoldenVectors.RFC8489_B1_ERRATA));

    assertThat(request.find(Userhash.class))
        .contains(StunCredentials.userhash(MATRIX_USERNAME, MATRIX_REALM));
    assertThat(request.find(Nonce.class))
        .contains(new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"));
    assertThat(request.find(Realm.class)).contains(new Realm(MATRIX_REALM));
    assertThat(request.find(PasswordAlgorithm.class))
        .contains(PasswordAlgorithm.of(PasswordAlgorithm.SHA_256));
  }

  @Test
  void correctedVectorVerifiesWithTheSha256LongTermKey() throws Exception {
    StunMessage request = StunDecoder.decode(GoldenVectors.load(GoldenVectors.RFC8489_B1_ERRATA));

    assertThat(StunIntegrity.verifyMessageIntegritySha256(request, SHA256_KEY)).isTrue();
    byte[] md5Key = StunCredentials.longTermKey(MATRIX_USERNAME, MATRIX_REALM, MATRIX_PASSWORD);
    assertThat(StunIntegrity.verifyMessageIntegritySha256(request, md5Key)).isFalse();
    assertThat(StunIntegrity.verifyMessageIntegrity(request, SHA256_KEY)).isFalse();
  }

  @Test
  void correctedVectorIsRebuiltByteForByte() throws Exception {
    byte[] wire = GoldenVectors.load(GoldenVectors.RFC8489_B1_ERRATA);
    StunMessage request = StunDecoder.decode(wire);
    StunMessageBuilder builder = StunMessageBuilder.of(request.type(), request.transactionId());
    request.attributes().stream()
        .filter(a -> !(a instanceof MessageIntegritySha256))
        .forEach(builder::add);

    assertThat(builder.messageIntegritySha256(SHA256_KEY).encode()).isEqualTo(wire);
  }

  @Test
  void publishedVectorIsRejectedForItsMessageLength() {
    byte[] published = GoldenVectors.load(GoldenVectors.RFC8489_B1_PUBLISHED);

    assertThatThrownBy(() -> StunDecoder.decode(published))
        .isInstanceOf(StunFormatException.class)
        .extracting(e -> ((StunFormatException) e).field()).isEqualTo("message length");
  }

  @Test
  void publishedIntegrityWasComputedOverTheWrongLength() throws Exception {
    byte[] wire = GoldenVectors.load(GoldenVectors.RFC8489_B1_PUBLISHED);
    wire[3] = (byte) (wire.length - StunHeader.LENGTH);

    StunMessage request = StunDecoder.decode(wire);

    assertThat(request.find(Userhash.class))
        .contains(StunCredentials.userhash(MATRIX_USERNAME, MATRIX_REALM));
    assertThat(StunIntegrity.verifyMessageIntegritySha256(request, SHA256_KEY)).isFalse();
  }
}
