// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 of the message up to this attribute, keyed by the
 * short-term or long-term key (§9.1.1, §9.2.2), with the header length adjusted to end just after
 * this attribute. Always 20 bytes.
 *
 * <p>This record is the wire element only. {@link StunMessageBuilder#messageIntegrity} computes
 * it and {@link StunIntegrity#verifyMessageIntegrity} checks it; adding this record to a builder
 * writes the given bytes verbatim, which is how a decoded message is re-encoded unchanged.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {
  public static final int TYPE = 0x0008;
  /** An HMAC-SHA1 is 20 bytes. */
  public static final int LENGTH = 20;

  public MessageIntegrity {
    if (hmac.length != LENGTH) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes, got " + hmac.length);
    }
    hmac = hmac.clone();
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static MessageIntegrity decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("MESSAGE-INTEGRITY", length, LENGTH);
    return new MessageIntegrity(Arrays.copyOfRange(source, offset, offset + length));
  }

  /** A copy of the 20 HMAC bytes. */
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
    return LENGTH;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    System.arraycopy(hmac, 0, destination, offset, LENGTH);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageIntegrity that && Arrays.equals(hmac, that.hmac);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hmac);
  }

  @Override
  public String toString() {
    return "MESSAGE-INTEGRITY[" + HexFormat.of().formatHex(hmac) + "]";
  }
}
