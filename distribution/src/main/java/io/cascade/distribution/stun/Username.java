// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * USERNAME (RFC 8489 §14.3): the user name of the credential that keys MESSAGE-INTEGRITY. For ICE
 * it is {@code receiverUfrag:senderUfrag} (RFC 8445 §7.2.2). It is taken as sent: the client has
 * already applied OpaqueString (or, for RFC 5389 clients, SASLprep), and the key is derived from
 * these exact bytes.
 *
 * <p>UTF-8 of at most 763 bytes on decode; see {@code Utf8Text} for why we do not count characters.
 */
public record Username(String value) implements StunAttribute {
  public static final int TYPE = 0x0006;

  public Username {
    Utf8Text.checkedLength("USERNAME", value);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Username decode(byte[] source, int offset, int length) throws StunFormatException {
    return new Username(Utf8Text.decode("USERNAME", source, offset, length));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return Utf8Text.checkedLength("USERNAME", value);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    Utf8Text.encode(value, destination, offset);
  }
}
