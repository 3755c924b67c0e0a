// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * ICMP (RFC 8656 §18.13): in a Data indication, the ICMP error the server received for a
 * datagram it relayed. 16 reserved bits, ICMP type, ICMP code, then 4 bytes of error data (the
 * next-hop MTU for "fragmentation needed" / "packet too big", zero otherwise).
 *
 * <pre>
 * |           Reserved            |  ICMP Type  |    ICMP Code    |
 * |                          Error Data                           |
 * </pre>
 *
 * <p>Figure 11 of RFC 8656 draws ICMP Type 7 bits wide and ICMP Code 9 bits wide, although ICMP
 * itself uses 8 and 8. We follow the figure, as the other implementations we checked do; every
 * ICMP error type TURN relays (v4: 3, 11, 12; v6: 1-4) fits in 7 bits, so the difference only
 * shows for codes above 255, which do not exist.
 */
public record Icmp(int icmpType, int icmpCode, int errorData) implements StunAttribute {
  public static final int TYPE = 0x8004;

  public Icmp {
    if (icmpType < 0 || icmpType > 0x7F) {
      throw new IllegalArgumentException("ICMP type must fit 7 bits: " + icmpType);
    }
    if (icmpCode < 0 || icmpCode > 0x1FF) {
      throw new IllegalArgumentException("ICMP code must fit 9 bits: " + icmpCode);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; reserved bits are ignored. */
  public static Icmp decode(byte[] source, int offset, int length) throws StunFormatException {
    AttributeCodec.expectLength("ICMP", length, 8);
    int typeAndCode = BigEndian.u16(source, offset + 2);
    return new Icmp(typeAndCode >>> 9, typeAndCode & 0x1FF, BigEndian.i32(source, offset + 4));
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 8;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    BigEndian.putU16(destination, offset, 0);
    BigEndian.putU16(destination, offset + 2, icmpType << 9 | icmpCode);
    BigEndian.putI32(destination, offset + 4, errorData);
  }
}
