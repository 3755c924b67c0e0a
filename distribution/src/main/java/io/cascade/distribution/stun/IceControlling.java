// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * ICE-CONTROLLING (RFC 8445 §16.1): the sender believes it is the controlling agent; the value is
 * its 64-bit tie-breaker (unsigned; compare with {@link Long#compareUnsigned}). A browser talking
 * to our ICE-lite agent always sends this one (§7.3.1.1). Comprehension-optional.
 */
public record IceControlling(long tieBreaker) implements StunAttribute {
  public static final int TYPE = 0x802A;

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static IceControlling decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("ICE-CONTROLLING", length, 8);
    return new IceControlling(BigEndian.i64(source, offset));
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
