// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * USERHASH (RFC 8489 §14.4): {@code SHA-256(OpaqueString(username) ":" OpaqueString(realm))},
 * sent instead of USERNAME when the server offers user anonymity. Always 32 bytes. {@link
 * StunCredentials#userhash} computes it.
 */
public record Userhash(byte[] hash) implements StunAttribute {
  public static final int TYPE = 0x001E;
  /** A SHA-256 digest is 32 bytes. */
  public static final int LENGTH = 32;

  public Userhash {
    if (hash.length != LENGTH) {
      throw new IllegalArgumentException("USERHASH is 32 bytes, got " + hash.length);
    }
    hash = hash.clone();
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Userhash decode(byte[] source, int offset, int length) throws StunFormatException {
    AttributeCodec.expectLength("USERHASH", length, LENGTH);
    return new Userhash(Arrays.copyOfRange(source, offset, offset + length));
  }

  /** A copy of the 32 hash bytes. */
  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return LENGTH;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    System.arraycopy(hash, 0, destination, offset, LENGTH);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Userhash that && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "USERHASH[" + HexFormat.of().formatHex(hash) + "]";
  }
}
