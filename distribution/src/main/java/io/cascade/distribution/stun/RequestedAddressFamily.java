// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Optional;

/**
 * REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.6): the address family of the relayed address an Allocate
 * asks for. The family byte is kept as sent, so that a server can answer an unknown family with 440
 * (Address Family not Supported) as §7.2 requires instead of dropping the request.
 *
 * <pre>
 * |     Family    |            Reserved                           |
 * </pre>
 */
public record RequestedAddressFamily(int family) implements StunAttribute {
  public static final int TYPE = 0x0017;

  public RequestedAddressFamily {
    if (family < 0 || family > 0xFF) {
      throw new IllegalArgumentException("family must fit 8 bits: " + family);
    }
  }

  /** The attribute for a known family. */
  public static RequestedAddressFamily of(AddressFamily family) {
    return new RequestedAddressFamily(family.code());
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; reserved bits are ignored. */
  public static RequestedAddressFamily decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("REQUESTED-ADDRESS-FAMILY", length, 4);
    return new RequestedAddressFamily(BigEndian.u8(source, offset));
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
