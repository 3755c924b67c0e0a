// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * DONT-FRAGMENT (RFC 8656 §18.9): asks the server to set DF on datagrams it relays to peers. No
 * value.
 */
public record DontFragment() implements StunAttribute {
  public static final int TYPE = 0x001A;

  /** Decodes a value of {@code length} bytes at {@code offset}; it must be empty. */
  public static DontFragment decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("DONT-FRAGMENT", length, 0);
    return new DontFragment();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 0;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    // A flag: presence is the whole message, there is no value to write.
  }
}
