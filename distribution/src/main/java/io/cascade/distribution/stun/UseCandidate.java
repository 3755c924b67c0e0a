// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * USE-CANDIDATE (RFC 8445 §16.1, §7.1.2): the controlling agent nominates the pair this check runs
 * on. No value. To our ICE-lite agent it is the browser choosing the path media will use.
 */
public record UseCandidate() implements StunAttribute {
  public static final int TYPE = 0x0025;

  /** Decodes a value of {@code length} bytes at {@code offset}; it must be empty. */
  public static UseCandidate decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("USE-CANDIDATE", length, 0);
    return new UseCandidate();
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
