// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * DATA (RFC 8656 §18.4): the application payload of a Send or Data indication, exactly what
 * would follow the UDP header between client and peer. May be empty.
 *
 * <p>Immutable: the payload is copied in, and read out through {@link #asReadOnlyBuffer()} (no
 * copy) or {@link #value()} (a copy). Hot relay paths should prefer ChannelData, which this
 * package decodes without building a STUN message.
 */
public record Data(byte[] value) implements StunAttribute {
  public static final int TYPE = 0x0013;

  public Data {
    if (value.length > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new IllegalArgumentException("DATA of " + value.length + " bytes cannot fit a message");
    }
    value = value.clone();
  }

  /** Decodes a value of {@code length} bytes at {@code offset}. */
  public static Data decode(byte[] source, int offset, int length) throws StunFormatException {
    if (length > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new StunFormatException("DATA", length + " bytes cannot fit in a message");
    }
    return new Data(Arrays.copyOfRange(source, offset, offset + length));
  }

  /** A copy of the payload. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The payload as a read-only view, without copying. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(value).asReadOnlyBuffer();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int valueLength() {
    return value.length;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    System.arraycopy(value, 0, destination, offset, value.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Data that && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "DATA[" + value.length + " bytes]";
  }
}
