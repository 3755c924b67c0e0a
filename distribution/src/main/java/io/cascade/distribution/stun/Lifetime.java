// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * LIFETIME (RFC 8656 §18.2): seconds until the allocation expires, a 32-bit unsigned integer. In a
 * request it is what the client asks for (0 deletes the allocation in a Refresh); in a response,
 * what the server granted.
 */
public record Lifetime(long seconds) implements StunAttribute {
  public static final int TYPE = 0x000D;

  public Lifetime {
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("LIFETIME must fit 32 unsigned bits: " + seconds);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Lifetime decode(byte[] source, int offset, int length) throws StunFormatException {
    AttributeCodec.expectLength("LIFETIME", length, 4);
    return new Lifetime(BigEndian.u32(source, offset));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 4;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    BigEndian.putI32(destination, offset, (int) seconds);
  }
}
