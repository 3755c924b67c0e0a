// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Ephemeral TURN credentials of the "TURN REST API" (draft-uberti-behave-turn-rest-00 §2.2), the
 * scheme coturn calls {@code use-auth-secret}: the web backend and the TURN server share a secret,
 * and no per-user state is stored.
 *
 * <ul>
 *   <li>username = {@code expiryUnixSeconds ":" user} (or just the expiry when there is no user);
 *   <li>password = {@code base64(HMAC-SHA1(sharedSecret, username))}.
 * </ul>
 *
 * <p>The server recomputes the password from the USERNAME it receives, refuses it once the expiry
 * has passed, then uses it as the long-term password (key = MD5(username:realm:password)). Time
 * comes from the injected {@link InstantSource}, so tests never wait.
 */
public final class TurnRestCredentials {
  private final byte[] sharedSecret;
  private final InstantSource clock;

  /** A username and password pair and when it stops being accepted. */
  public record Credential(String username, String password, Instant expiresAt) {}

  public TurnRestCredentials(byte[] sharedSecret, InstantSource clock) {
    if (sharedSecret.length == 0) {
      throw new IllegalArgumentException("the shared secret must not be empty");
    }
    this.sharedSecret = sharedSecret.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Issues credentials for {@code user} valid for {@code ttl} from now (whole seconds). */
  public Credential issue(String user, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    if (user.indexOf(':') >= 0) {
      // A colon in the user part would still verify, but it makes logs ambiguous.
      throw new IllegalArgumentException("the user part must not contain ':'");
    }
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    String username = user.isEmpty() ? Long.toString(expiry) : expiry + ":" + user;
    return new Credential(username, password(username), Instant.ofEpochSecond(expiry));
  }

  /** The password for a username: base64 of HMAC-SHA1(secret, username), whatever the expiry. */
  public String password(String username) {
    Hmacs hmac = Hmacs.sha1(sharedSecret);
    hmac.mac().update(username.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(hmac.finish());
  }

  /**
   * The password for a USERNAME received from a client, or empty when the username does not start
   * with an expiry or the expiry is not in the future.
   */
  public Optional<String> passwordIfUnexpired(String username) {
    Optional<Instant> expiry = expiry(username);
    if (expiry.isEmpty() || !clock.instant().isBefore(expiry.get())) {
      return Optional.empty();
    }
    return Optional.of(password(username));
  }

  /** The expiry encoded at the start of a REST username, if it has one (1-18 decimal digits). */
  public static Optional<Instant> expiry(String username) {
    int colon = username.indexOf(':');
    int end = colon < 0 ? username.length() : colon;
    if (end == 0 || end > 18) {
      return Optional.empty();
    }
    long seconds = 0;
    for (int i = 0; i < end; i++) {
      char c = username.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      seconds = seconds * 10 + (c - '0');
    }
    return seconds > Instant.MAX.getEpochSecond()
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(seconds));
  }
}
