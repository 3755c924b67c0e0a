// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which bytes MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT cover, and what never verifies. */
class StunIntegrityTest {
  private static final byte[] KEY = StunCredentials.longTermKey("user", "realm", "pass");
  private static final TransactionId ID = TransactionId.random(new SplittableRandom(1));

  @Test
  void messagesBuiltInMemoryNeverVerify() {
    StunMessageType type = new StunMessageType(StunMethod.BINDING, StunClass.REQUEST);
    StunMessage built =
        new StunMessage(type, ID, List.of(new MessageIntegrity(new byte[20]), new Fingerprint(0)));

    assertThat(StunIntegrity.verifyMessageIntegrity(built, KEY)).isFalse();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(built, KEY)).isFalse();
    assertThat(StunIntegrity.verifyFingerprint(built)).isFalse();
  }

  @Test
  void absentAttributesDoNotVerify() throws Exception {
    StunMessage bare = decode(StunMessageBuilder.request(StunMethod.BINDING, ID));

    assertThat(StunIntegrity.verifyMessageIntegrity(bare, KEY)).isFalse();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(bare, KEY)).isFalse();
    assertThat(StunIntegrity.verifyFingerprint(bare)).isFalse();
  }

  @Test
  void integrityIgnoresTheFingerprintThatFollowsIt() throws Exception {
    byte[] withFingerprint = sign(true);
    byte[] withoutFingerprint = sign(false);

    assertThat(StunIntegrity.verifyMessageIntegrity(StunDecoder.decode(withFingerprint), KEY))
        .isTrue();
    assertThat(StunIntegrity.verifyMessageIntegrity(StunDecoder.decode(withoutFingerprint), KEY))
        .isTrue();
    assertThat(Arrays.copyOfRange(withFingerprint, 20, 40 + 24))
        .isEqualTo(Arrays.copyOfRange(withoutFingerprint, 20, 40 + 24));
  }

  @Test
  void truncatedSha256IsRefusedUnlessAllowed() throws Exception {
    StunMessage message = StunDecoder.decode(StunMessageBuilder.request(StunMethod.BINDING, ID)
        .messageIntegritySha256(KEY, 16).encode());

    assertThat(StunIntegrity.verifyMessageIntegritySha256(message, KEY)).isFalse();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(message, KEY, 20)).isFalse();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(message, KEY, 16)).isTrue();
    assertThatThrownBy(() -> StunIntegrity.verifyMessageIntegritySha256(message, KEY, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyChangesOnTheSameThreadAreHonoured() throws Exception {
    byte[] other = StunCredentials.shortTermKey("another-password");
    StunMessage a = decode(StunMessageBuilder.request(StunMethod.REFRESH, ID).messageIntegrity(KEY));
    StunMessage b = decode(StunMessageBuilder.request(StunMethod.REFRESH, ID).messageIntegrity(other));

    for (int i = 0; i < 3; i++) {
      assertThat(StunIntegrity.verifyMessageIntegrity(a, KEY)).isTrue();
      assertThat(StunIntegrity.verifyMessageIntegrity(b, KEY)).isFalse();
      assertThat(StunIntegrity.verifyMessageIntegrity(b, other)).isTrue();
    }
  }

  @Test
  void aForgedFingerprintFails() throws Exception {
    byte[] wire = sign(true);
    wire[wire.length - 1] ^= 1;

    assertThat(StunIntegrity.verifyFingerprint(StunDecoder.decode(wire))).isFalse();
  }

  @Test
  void fingerprintIsCrc32XorStun() {
    byte[] header = new byte[20];

    // CRC-32("") is 0, so the fingerprint of nothing is the XOR constant itself.
    assertThat(StunIntegrity.fingerprint(header, 0, 0)).isEqualTo(0x5354554E);
  }

  private static StunMessage decode(StunMessageBuilder builder) throws StunFormatException {
    return StunDecoder.decode(builder.encode());
  }

  private static byte[] sign(boolean fingerprint) {
    StunMessageBuilder builder = StunMessageBuilder.request(StunMethod.CREATE_PERMISSION, ID)
        .add(new Username("user")).add(new Realm("realm")).messageIntegrity(KEY);
    return (fingerprint ? builder.fingerprint() : builder).encode();
  }
}
