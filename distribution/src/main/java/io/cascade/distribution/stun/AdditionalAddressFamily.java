// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Optional;

/**
 * ADDITIONAL-ADDRESS-FAMILY (RFC 8656 §18.11): asks for a second relayed address of another family,
 * encoded like REQUESTED-ADDRESS-FAMILY; only 0x02 (IPv6) is valid in an Allocate. Kept as sent so
 * that the server can answer other values with an error rather than drop the request.
 *
 * <pre>
 * |     Family    |            Reserved                           |
 * </pre>
 */
public record AdditionalAddressFamily(int family) implements StunAttribute {
  public static final int TYPE = 0x8000;

  public AdditionalAddressFamily {
    if (family < 0 || family > 0xFF) {
      throw new IllegalArgumentException("family must fit 8 bits: " + family);
    }
  }

  /** The attribute for a known family. */
  public static AdditionalAddressFamily of(AddressFamily family) {
    return new AdditionalAddressFamily(family.code());
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; reserved bits are ignored. */
  public static AdditionalAddressFamily decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("ADDITIONAL-ADDRESS-FAMILY", length, 4);
    return new AdditionalAddressFamily(BigEndian.u8(source, offset));
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
    return 4;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    BigEndian.putI32(destination, offset, family << 24);
  }
}
