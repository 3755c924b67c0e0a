// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** TURN REST API ephemeral credentials with an injected clock. */
class TurnRestCredentialsTest {
  private static final byte[] SECRET = "north".getBytes(StandardCharsets.UTF_8);
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.ofEpochSecond(1_700_000_000L));
  private final InstantSource clock = () -> now.get();
  private final TurnRestCredentials credentials = new TurnRestCredentials(SECRET, clock);

  @Test
  void passwordIsBase64HmacSha1OfTheUsername() {
    // Both values computed independently with Python's hmac and base64 modules.
    assertThat(credentials.password("1433895918:gorst")).isEqualTo("Jkoq/bR7DWfoH9c0tHZx2FEf1SM=");
    assertThat(credentials.password("1700000600:alice")).isEqualTo("gthUwOpcRoLI0MMCziCEBOWYnpo=");
  }

  @Test
  void issuedCredentialsCarryTheExpiry() {
    TurnRestCredentials.Credential issued = credentials.issue("alice", Duration.ofMinutes(10));

    assertThat(issued.username()).isEqualTo("1700000600:alice");
    assertThat(issued.password()).isEqualTo("gthUwOpcRoLI0MMCziCEBOWYnpo=");
    assertThat(issued.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_600L));
    assertThat(credentials.issue("", Duration.ofSeconds(1)).username()).isEqualTo("1700000001");
  }

  @Test
  void passwordIsOnlyGivenBeforeExpiry() {
    String username = credentials.issue("alice", Duration.ofMinutes(10)).username();

    assertThat(credentials.passwordIfUnexpired(username)).contains("gthUwOpcRoLI0MMCziCEBOWYnpo=");
    now.set(Instant.ofEpochSecond(1_700_000_599L));
    assertThat(credentials.passwordIfUnexpired(username)).isPresent();
    now.set(Instant.ofEpochSecond(1_700_000_600L));
    assertThat(credentials.passwordIfUnexpired(username)).isEmpty();
  }

  @Test
  void usernamesWithoutAnExpiryAreRefused() {
    assertThat(credentials.passwordIfUnexpired("alice")).isEmpty();
    assertThat(credentials.passwordIfUnexpired(":alice")).isEmpty();
    assertThat(credentials.passwordIfUnexpired("17x0000600:alice")).isEmpty();
    assertThat(credentials.passwordIfUnexpired("9999999999999999999:alice")).isEmpty();
    assertThat(TurnRestCredentials.expiry("1700000600"))
        .contains(Instant.ofEpochSecond(1_700_000_600L));
  }

  @Test
  void restPasswordWorksAsALongTermCredential() throws Exception {
    TurnRestCredentials.Credential issued = credentials.issue("alice", Duration.ofMinutes(10));
    byte[] key =
        StunCredentials.longTermKey(issued.username(), "cascade.example", issued.password());

    // MD5 of "1700000600:alice:cascade.example:<password>", computed independently with Python.
    assertThat(HexFormat.of().formatHex(key)).isEqualTo("0d2632b12bfd39b8c2002937ae131d44");
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> new TurnRestCredentials(new byte[0], clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials.issue("a:b", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials.issue("a", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
