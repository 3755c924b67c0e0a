// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Optional;

/**
 * ERROR-CODE (RFC 8489 §14.8): a code from 300 to 699 and a UTF-8 reason phrase. The hundreds
 * digit travels as a 3-bit Class (3-6) and the rest as an 8-bit Number (0-99), after 21 reserved
 * bits that receivers ignore.
 *
 * <pre>
 * |           Reserved, should be 0         |Class|     Number    |
 * |      Reason Phrase (variable)                                ..
 * </pre>
 *
 * <p>Known codes and their recommended phrases are in {@link StunError}.
 */
public record ErrorCode(int code, String reason) implements StunAttribute {
  public static final int TYPE = 0x0009;

  public ErrorCode {
    checkCode(code);
    Utf8Text.checkedLength("ERROR-CODE reason", reason);
  }

  /** The attribute for a registered error with its recommended reason phrase. */
  public static ErrorCode of(StunError error) {
    return new ErrorCode(error.code(), error.reason());
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static ErrorCode decode(byte[] source, int offset, int length) throws StunFormatException {
    return new ErrorCode(decodeCode("ERROR-CODE", source, offset, length),
        Utf8Text.decode("ERROR-CODE", source, offset + 4, length - 4));
  }

  /** The registered error for this code, if there is one. */
  public Optional<StunError> error() {
    return StunError.fromCode(code);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 4 + Utf8Text.checkedLength("ERROR-CODE reason", reason);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    destination[offset] = 0;
    encodeCode(code, destination, offset);
    Utf8Text.encode(reason, destination, offset + 4);
  }

  static void checkCode(int code) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("STUN error codes are 300-699, got " + code);
    }
  }

  /** Reads Class and Number from the first four bytes; shared with ADDRESS-ERROR-CODE. */
  static int decodeCode(String name, byte[] source, int offset, int length)
      throws StunFormatException {
    if (length < 4) {
      throw new StunFormatException(name, "value of " + length + " bytes is shorter than 4");
    }
    int errorClass = source[offset + 2] & 0x07;
    int number = source[offset + 3] & 0xFF;
    if (errorClass < 3 || errorClass > 6) {
      throw new StunFormatException(name, "class " + errorClass + " is outside 3-6");
    }
    if (number > 99) {
      throw new StunFormatException(name, "number " + number + " is over 99");
    }
    return errorClass * 100 + number;
  }

  /** Writes the reserved bits as zero, then Class and Number (the first byte is left alone). */
  static void encodeCode(int code, byte[] destination, int offset) {
    destination[offset + 1] = 0;
    destination[offset + 2] = (byte) (code / 100);
    destination[offset + 3] = (byte) (code % 100);
  }
}
