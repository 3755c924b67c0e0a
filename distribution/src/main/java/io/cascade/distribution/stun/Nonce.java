// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * NONCE (RFC 8489 §14.10): the server's nonce, without surrounding quotes. Servers following §9.2
 * start it with the cookie {@code obMatJos2} and the security feature bits.
 *
 * <p>UTF-8 of at most 763 bytes on decode; see {@code Utf8Text} for why we do not count characters.
 */
public record Nonce(String value) implements StunAttribute {
  public static final int TYPE = 0x0015;

  public Nonce {
    Utf8Text.checkedLength("NONCE", value);
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Nonce decode(byte[] source, int offset, int length) throws StunFormatException {
    return new Nonce(Utf8Text.decode("NONCE", source, offset, length));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return Utf8Text.checkedLength("NONCE", value);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    Utf8Text.encode(value, destination, offset);
  }
}
