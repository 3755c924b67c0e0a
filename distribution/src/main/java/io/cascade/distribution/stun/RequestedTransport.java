// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * REQUESTED-TRANSPORT (RFC 8656 §18.8): the IP protocol number of the transport between server
 * and peer. RFC 8656 allows only 17 (UDP); RFC 6062 adds 6 (TCP). Kept as sent, so that the server
 * can answer other values with 442 (Unsupported Transport Protocol).
 *
 * <pre>
 * |    Protocol   |                    RFFU                       |
 * </pre>
 */
public record RequestedTransport(int protocol) implements StunAttribute {
  public static final int TYPE = 0x0019;
  /** IANA protocol number of UDP, the one transport RFC 8656 defines. */
  public static final int UDP = 17;
  /** IANA protocol number of TCP, for RFC 6062 allocations. */
  public static final int TCP = 6;

  public RequestedTransport {
    if (protocol < 0 || protocol > 0xFF) {
      throw new IllegalArgumentException("protocol must fit 8 bits: " + protocol);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}; RFFU bits are ignored. */
  public static RequestedTransport decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("REQUESTED-TRANSPORT", length, 4);
    return new RequestedTransport(BigEndian.u8(source, offset));
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
    BigEndian.putI32(destination, offset, protocol << 24);
  }
}
