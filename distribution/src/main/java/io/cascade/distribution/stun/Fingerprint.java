// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute, XOR 0x5354554E, with
 * the header length already counting this attribute. Must be the last attribute; the decoder
 * rejects anything after it.
 *
 * <p>This record is the wire element only (the value as sent, after the XOR). {@link
 * StunMessageBuilder#fingerprint()} computes it and {@link StunIntegrity#verifyFingerprint} checks
 * it.
 */
public record Fingerprint(long value) implements StunAttribute {
  public static final int TYPE = 0x8028;

  public Fingerprint {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("FINGERPRINT must fit 32 unsigned bits: " + value);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Fingerprint decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("FINGERPRINT", length, 4);
    return new Fingerprint(BigEndian.u32(source, offset));
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
    BigEndian.putI32(destination, offset, (int) value);
  }
}
