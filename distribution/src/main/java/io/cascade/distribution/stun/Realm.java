// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * REALM (RFC 8489 §14.9): the long-term credential realm, an unquoted realm-value. Present in a
 * request it means long-term credentials are in use.
 *
 * <p>UTF-8 of at most 763 bytes on decode; see {@code Utf8Text} for why we do not count characters.
 */
public record Realm(String value) implements StunAttribute {
  public static final int TYPE = 0x0014;

  public Realm {
    Utf8Text.checkedLength("REALM", value);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Realm decode(byte[] source, int offset, int length) throws StunFormatException {
    return new Realm(Utf8Text.decode("REALM", source, offset, length));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return Utf8Text.checkedLength("REALM", value);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    Utf8Text.encode(value, destination, offset);
  }
}
