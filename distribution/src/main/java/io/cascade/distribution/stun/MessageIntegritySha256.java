// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256 of the message up to this attribute,
 * computed like MESSAGE-INTEGRITY. The value is the leading part of the HMAC: at most 32 bytes,
 * at least 16, a multiple of 4; it must be the full 32 unless the STUN usage allows truncation,
 * so {@link StunIntegrity#verifyMessageIntegritySha256(StunMessage, byte[])} accepts only 32 and
 * the overload with a minimum length opts into truncation.
 *
 * <p>This record is the wire element only; see {@link MessageIntegrity} for who computes it.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
  public static final int TYPE = 0x001C;
  /** The full HMAC-SHA256 length. */
  public static final int MAX_LENGTH = 32;
  /** The shortest truncation §14.6 allows. */
  public static final int MIN_LENGTH = 16;

  public MessageIntegritySha256 {
    if (!isValidLength(hmac.length)) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 length " + hmac.length);
    }
    hmac = hmac.clone();
  }

  /** 16 to 32 bytes and a multiple of 4 (§14.6). */
  public static boolean isValidLength(int length) {
    return length >= MIN_LENGTH && length <= MAX_LENGTH && (length & 3) == 0;
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static MessageIntegritySha256 decode(byte[] source, int offset, int length)
      throws StunFormatException {
    if (!isValidLength(length)) {
      throw new StunFormatException("MESSAGE-INTEGRITY-SHA256",
          "value must be 16-32 bytes and a multiple of 4, got " + length);
    }
    return new MessageIntegritySha256(Arrays.copyOfRange(source, offset, offset + length));
  }

  /** A copy of the (possibly truncated) HMAC bytes. */
  @Override
  public byte[] hmac() {
    return hmac.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return hmac.length;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    System.arraycopy(hmac, 0, destination, offset, hmac.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageIntegritySha256 that && Arrays.equals(hmac, that.hmac);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hmac);
  }

  @Override
  public String toString() {
    return "MESSAGE-INTEGRITY-SHA256[" + HexFormat.of().formatHex(hmac) + "]";
  }
}
