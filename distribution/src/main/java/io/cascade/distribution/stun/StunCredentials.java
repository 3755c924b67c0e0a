// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256, and USERHASH.
 *
 * <ul>
 *   <li>Short-term (RFC 8489 §9.1.1): the key is the prepared password itself. ICE uses it with
 *       the ice-pwd of the agent that receives the check (RFC 8445 §7.2.2).
 *   <li>Long-term (§9.2.2, §18.5.1): {@code MD5(username ":" realm ":" password)}, or SHA-256 of
 *       the same when PASSWORD-ALGORITHM says so. The username is used exactly as it appears in
 *       USERNAME (the client prepared it before sending; RFC 5389 §15.4 says the same); the realm
 *       and password go through {@code SaslPrep}, which leaves printable ASCII untouched and is
 *       documented there.
 * </ul>
 *
 * <p>Derive long-term keys once per user and cache them: MD5 is cheap, but it is not free at
 * 100k requests a second, and the HMAC reuse in {@link StunIntegrity} works best with a stable
 * key array.
 */
public final class StunCredentials {
  private StunCredentials() {}

  /**
   * The short-term key for {@code password} (§9.1.1).
   *
   * @throws IllegalArgumentException if preparation finds a prohibited character
   */
  public static byte[] shortTermKey(String password) {
    return SaslPrep.prepare(password).getBytes(StandardCharsets.UTF_8);
  }

  /** The 16-byte MD5 long-term key (§9.2.2, §18.5.1.1). */
  public static byte[] longTermKey(String username, String realm, String password) {
    return digest("MD5", keyInput(username, realm, password));
  }

  /** The 32-byte SHA-256 long-term key, for PASSWORD-ALGORITHM SHA-256 (§18.5.1.2). */
  public static byte[] longTermKeySha256(String username, String realm, String password) {
    return digest("SHA-256", keyInput(username, realm, password));
  }

  /** USERHASH: {@code SHA-256(username ":" realm)}, both prepared (§14.4). */
  public static Userhash userhash(String username, String realm) {
    return new Userhash(
        digest("SHA-256", SaslPrep.prepare(username) + ":" + SaslPrep.prepare(realm)));
  }

  /** {@code username ":" realm ":" password}, the username as received (see class comment). */
  private static String keyInput(String username, String realm, String password) {
    return username + ":" + SaslPrep.prepare(realm) + ":" + SaslPrep.prepare(password);
  }

  private static byte[] digest(String algorithm, String input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-256 (java.security.MessageDigest javadoc).
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
