// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * EVEN-PORT (RFC 8656 §18.7): asks for an even relayed port and, with R set, that the server also
 * reserve the next-higher port (for RTP/RTCP pairs). One byte, padded to four on the wire.
 *
 * <pre>
 * |R|    RFFU     |
 * </pre>
 */
public record EvenPort(boolean reserveNextPort) implements StunAttribute {
  public static final int TYPE = 0x0018;

  /** Decodes a value of {@code length} bytes at {@code offset}; the RFFU bits are ignored. */
  public static EvenPort decode(byte[] source, int offset, int length) throws StunFormatException {
    AttributeCodec.expectLength("EVEN-PORT", length, 1);
    return new EvenPort((source[offset] & 0x80) != 0);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return 1;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    destination[offset] = (byte) (reserveNextPort ? 0x80 : 0);
  }
}
