// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * CHANNEL-NUMBER (RFC 8656 §18.1): a 16-bit channel number followed by 16 reserved bits (zero on
 * send, ignored on receipt).
 *
 * <p>Any 16-bit value decodes: a ChannelBind with a number outside 0x4000-0x4FFF is answered with
 * 400 (Bad Request) by the server (§12.2), which it can only do if the codec lets it through.
 * {@link #isValid()} tells the two apart.
 */
public record ChannelNumber(int number) implements StunAttribute {
  public static final int TYPE = 0x000C;

  public ChannelNumber {
    if (number < 0 || number > 0xFFFF) {
      throw new IllegalArgumentException("channel number must fit 16 bits: " + number);
    }
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static ChannelNumber decode(byte[] source, int offset, int length)
      throws StunFormatException {
    AttributeCodec.expectLength("CHANNEL-NUMBER", length, 4);
    return new ChannelNumber(BigEndian.u16(source, offset));
  }

  /** Whether the number is in the range a client may bind, 0x4000-0x4FFF (§12). */
  public boolean isValid() {
    return ChannelData.isValidChannelNumber(number);
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
    BigEndian.putU16(destination, offset, number);
    BigEndian.putU16(destination, offset + 2, 0);
  }
}
