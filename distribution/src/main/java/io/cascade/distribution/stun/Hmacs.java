// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One {@link Mac} per algorithm per thread, reused across messages.
 *
 * <p>{@code Mac.getInstance} walks the provider list and allocates; at 100k Binding requests a
 * second per core that is most of the cost of a check. A thread keeps its Mac and re-keys it only
 * when the key changes: an ICE-lite session checks every request with the same ice-pwd. Also holds
 * a per-thread scratch array for the HMAC output so that verifying allocates nothing.
 *
 * <p>This pays off on long-lived platform threads such as Netty event loops. On virtual threads,
 * which are meant to be short-lived, each one would build its own Mac; callers there should batch
 * work onto a platform thread or accept the cost.
 */
final class Hmacs {
  private static final ThreadLocal<Hmacs> SHA1 =
      ThreadLocal.withInitial(() -> new Hmacs("HmacSHA1"));
  private static final ThreadLocal<Hmacs> SHA256 =
      ThreadLocal.withInitial(() -> new Hmacs("HmacSHA256"));

  private final String algorithm;
  private final Mac mac;
  private final byte[] output;
  private byte[] key = new byte[0];

  private Hmacs(String algorithm) {
    this.algorithm = algorithm;
    try {
      this.mac = Mac.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA1 and HmacSHA256 (java.security.Mac javadoc).
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
    this.output = new byte[mac.getMacLength()];
  }

  /** This thread's HMAC-SHA1, reset and keyed with {@code key}. */
  static Hmacs sha1(byte[] key) {
    return SHA1.get().keyed(key);
  }

  /** This thread's HMAC-SHA256, reset and keyed with {@code key}. */
  static Hmacs sha256(byte[] key) {
    return SHA256.get().keyed(key);
  }

  private Hmacs keyed(byte[] newKey) {
    if (newKey.length == 0) {
      // SecretKeySpec refuses empty keys; say so in STUN terms.
      throw new IllegalArgumentException("an integrity key must not be empty");
    }
    if (!MessageDigest.isEqual(key, newKey)) {
      try {
        mac.init(new SecretKeySpec(newKey, algorithm));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC key rejected", e);
      }
      key = newKey.clone();
    } else {
      mac.reset();
    }
    return this;
  }

  Mac mac() {
    return mac;
  }

  /** Finishes the HMAC into this thread's scratch array, which stays valid until the next use. */
  byte[] finish() {
    try {
      mac.doFinal(output, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC output buffer too small", e);
    }
    return output;
  }

  /** Compares {@code length} bytes in time that does not depend on where they differ. */
  static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |= a[aOffset + i] ^ b[bOffset + i];
    }
    return difference == 0;
  }
}
