// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * SOFTWARE (RFC 8489 §14.14): a description of the sending software, for diagnostics only;
 * comprehension-optional.
 *
 * <p>UTF-8 of at most 763 bytes on decode; see {@code Utf8Text} for why we do not count characters.
 */
public record Software(String value) implements StunAttribute {
  public static final int TYPE = 0x8022;

  public Software {
    Utf8Text.checkedLength("SOFTWARE", value);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Software decode(byte[] source, int offset, int length) throws StunFormatException {
    return new Software(Utf8Text.decode("SOFTWARE", source, offset, length));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return Utf8Text.checkedLength("SOFTWARE", value);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    Utf8Text.encode(value, destination, offset);
  }
}
