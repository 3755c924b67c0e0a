// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key derivation (RFC 8489 §9, §18.5) and the SASLprep subset it uses. */
class StunCredentialsTest {

  @Test
  void shortTermKeyIsThePassword() {
    assertThat(StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt"))
        .isEqualTo("VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void longTermKeyIsMd5OfUserRealmPassword() {
    // MD5("user:realm:pass"), computed independently with Python's hashlib.
    assertThat(HexFormat.of().formatHex(StunCredentials.longTermKey("user", "realm", "pass")))
        .isEqualTo("8493fbc53ba582fb4c044c456bdc40eb");
  }

  @Test
  void saslPrepMapsTheRfc5769Password() {
    assertThat(SaslPrep.prepare(GoldenVectors.MATRIX_PASSWORD)).isEqualTo("TheMatrIX");
    assertThat(SaslPrep.prepare("a\u00A0b\u3000c")).isEqualTo("a b c");
    assertThat(SaslPrep.prepare("\uFF21\u00AD")).isEqualTo("A");
    assertThat(SaslPrep.prepare(GoldenVectors.MATRIX_USERNAME))
        .isEqualTo(GoldenVectors.MATRIX_USERNAME);
  }

  @Test
  void saslPrepRejectsProhibitedCharacters() {
    assertThatThrownBy(() -> SaslPrep.prepare("pass\u0007"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SaslPrep.prepare("pass\uE000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SaslPrep.prepare("pass\u202E"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StunCredentials.shortTermKey("\uFFFE"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userhashMatchesRfc8489AppendixB1() {
    assertThat(HexFormat.of().formatHex(
            StunCredentials.userhash(GoldenVectors.MATRIX_USERNAME, "example.org").hash()))
        .isEqualTo("4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704");
  }
}
