// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * PRIORITY (RFC 8445 §16.1, §7.1.1): the priority the sender would give a peer-reflexive candidate
 * learned from this check; a 32-bit unsigned integer.
 */
public record Priority(long priority) implements StunAttribute {
  public static final int TYPE = 0x0024;

  public Priority {
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("PRIORITY must fit 32 unsigned bits: " + priority);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Priority decode(byte[] source, int offset, int length) throws StunFormatException {
    AttributeCodec.expectLength("PRIORITY", length, 4);
    return new Priority(BigEndian.u32(source, offset));
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
    BigEndian.putI32(destination, offset, (int) priority);
  }
}
