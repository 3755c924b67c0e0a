// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): in a 420 (Unknown Attribute) error response, the types
 * of the comprehension-required attributes the server did not understand; a list of 16-bit
 * values padded like any attribute (RFC 3489's duplicate-the-last padding is gone).
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
  public static final int TYPE = 0x000A;

  public UnknownAttributes {
    types = List.copyOf(types);
    if (types.size() * 2 > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new IllegalArgumentException(types.size() + " types cannot fit in a message");
    }
    for (int type : types) {
      if (type < 0 || type > 0xFFFF) {
        throw new IllegalArgumentException("attribute type must fit 16 bits: " + type);
      }
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static UnknownAttributes decode(byte[] source, int offset, int length)
      throws StunFormatException {
    if ((length & 1) != 0 || length > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new StunFormatException(
          "UNKNOWN-ATTRIBUTES", "length " + length + " is not a list of 16-bit types");
    }
    List<Integer> types = new ArrayList<>(length / 2);
    for (int at = offset; at < offset + length; at += 2) {
      types.add(BigEndian.u16(source, at));
    }
    return new UnknownAttributes(types);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return types.size() * 2;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    for (int i = 0; i < types.size(); i++) {
      BigEndian.putU16(destination, offset + 2 * i, types.get(i));
    }
  }
}
