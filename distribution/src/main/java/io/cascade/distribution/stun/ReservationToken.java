// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * RESERVATION-TOKEN (RFC 8656 §18.10): an 8-byte token naming a relayed address the server holds
 * back after an EVEN-PORT request with R set; the client sends it in a later Allocate. Opaque to
 * the client, so it is kept as 64 bits.
 */
public record ReservationToken(long token) implements StunAttribute {
  public static final int TYPE = 0x0022;

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static ReservationToken decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("RESERVATION-TOKEN", length, 8);
    return new ReservationToken(BigEndian.i64(source, offset));
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
    BigEndian.putI64(destination, offset, token);
  }
}
