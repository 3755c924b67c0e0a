// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * ICE-CONTROLLED (RFC 8445 §16.1): the sender believes it is the controlled agent; the value is its
 * 64-bit tie-breaker (an unsigned integer, held here in a {@code long}; compare with {@link
 * Long#compareUnsigned}) used to resolve role conflicts (§7.3.1.1). Comprehension-optional.
 */
public record IceControlled(long tieBreaker) implements StunAttribute {
  public static final int TYPE = 0x8029;

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static IceControlled decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("ICE-CONTROLLED", length, 8);
    return new IceControlled(BigEndian.i64(source, offset));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 8;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    BigEndian.putI64(destination, offset, tieBreaker);
  }
}
