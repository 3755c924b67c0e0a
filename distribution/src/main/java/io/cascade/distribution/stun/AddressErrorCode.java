// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Optional;

/**
 * ADDRESS-ERROR-CODE (RFC 8656 §18.12): in a dual-stack Allocate response, why the relayed
 * address of one family could not be allocated (440 or 508). Family byte, 13 reserved bits, then
 * Class, Number and reason phrase exactly as in ERROR-CODE (RFC 8489 §14.8).
 *
 * <pre>
 * |    Family     |        Reserved         |Class|     Number    |
 * |                    Reason Phrase (variable)                  ..
 * </pre>
 */
public record AddressErrorCode(int family, int code, String reason) implements StunAttribute {
  public static final int TYPE = 0x8001;

  public AddressErrorCode {
    if (family < 0 || family > 0xFF) {
      throw new IllegalArgumentException("family must fit 8 bits: " + family);
    }
    ErrorCode.checkCode(code);
    Utf8Text.checkedLength("ADDRESS-ERROR-CODE reason", reason);
  }

  /** The attribute for a known family and a registered error with its recommended phrase. */
  public static AddressErrorCode of(AddressFamily family, StunError error) {
    return new AddressErrorCode(family.code(), error.code(), error.reason());
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; reserved bits are ignored. */
  public static AddressErrorCode decode(byte[] source, int offset, int length)
      throws StunFormatException {
    int code = ErrorCode.decodeCode("ADDRESS-ERROR-CODE", source, offset, length);
    String reason = Utf8Text.decode("ADDRESS-ERROR-CODE", source, offset + 4, length - 4);
    return new AddressErrorCode(BigEndian.u8(source, offset), code, reason);
  }

  /** The family, if the code is one RFC 8489 §14.1 defines. */
  public Optional<AddressFamily> addressFamily() {
    return AddressFamily.fromCode(family);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 4 + Utf8Text.checkedLength("ADDRESS-ERROR-CODE reason", reason);
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    destination[offset] = (byte) family;
    ErrorCode.encodeCode(code, destination, offset);
    Utf8Text.encode(reason, destination, offset + 4);
  }
}
