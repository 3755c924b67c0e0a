// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * A TURN ChannelData message (RFC 8656 §12.4): the 4-byte-header alternative to Send and Data
 * indications once a channel is bound.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Application Data                        |
 * </pre>
 *
 * <p>Channel numbers are 0x4000-0x4FFF (§12), so the first byte is 64-79, which is how RFC 7983
 * tells ChannelData from STUN, DTLS and RTP on one port. Length counts the data only. Over TCP and
 * TLS the message is padded to a multiple of 4 so the next one stays aligned; over UDP padding is
 * optional (§12.5). The decoder accepts up to 3 trailing padding bytes in a datagram and rejects a
 * datagram shorter than the length claims (§12.6 says discard it).
 */
public record ChannelData(int channelNumber, byte[] data) {
  /** Length of the header before the data. */
  public static final int HEADER_LENGTH = 4;
  /** Lowest channel number a client may bind. */
  public static final int MIN_CHANNEL_NUMBER = 0x4000;
  /** Highest channel number a client may bind (RFC 5766 allowed up to 0x7FFE). */
  public static final int MAX_CHANNEL_NUMBER = 0x4FFF;

  /** How the message travels: streams need padding for alignment, datagrams do not. */
  public enum Framing {
    DATAGRAM,
    STREAM
  }

  public ChannelData {
    if (!isValidChannelNumber(channelNumber)) {
      throw new IllegalArgumentException("channel number outside 0x4000-0x4FFF: " + channelNumber);
    }
    if (data.length > 0xFFFF) {
      throw new IllegalArgumentException("ChannelData carries at most 65535 bytes");
    }
    data = data.clone();
  }

  /** Whether a channel number is in the range RFC 8656 §12 lets a client bind. */
  public static boolean isValidChannelNumber(int number) {
    return number >= MIN_CHANNEL_NUMBER && number <= MAX_CHANNEL_NUMBER;
  }

  /** RFC 7983 demultiplexing: at least a header, and a first byte of 64-79. */
  public static boolean isChannelData(byte[] bytes, int offset, int length) {
    return length >= HEADER_LENGTH && (bytes[offset] & 0xF0) == 0x40;
  }

  /** {@link #isChannelData(byte[], int, int)} on the readable bytes, without moving any index. */
  public static boolean isChannelData(ByteBuf buffer) {
    return buffer.readableBytes() >= HEADER_LENGTH
        && (buffer.getByte(buffer.readerIndex()) & 0xF0) == 0x40;
  }

  /**
   * For stream framing: the length of the padded message starting at {@code offset}, or -1 when
   * fewer than 4 bytes are available to tell.
   */
  public static int frameLength(byte[] bytes, int offset, int available) {
    if (available < HEADER_LENGTH) {
      return -1;
    }
    return HEADER_LENGTH + BigEndian.pad4(BigEndian.u16(bytes, offset + 2));
  }

  /**
   * Checks the frame of {@code length} bytes at {@code offset} and returns the data length,
   * without copying: a relay can forward the data in place.
   */
  public static int checkFrame(byte[] bytes, int offset, int length, Framing framing)
      throws StunFormatException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length < HEADER_LENGTH) {
      throw new StunFormatException("ChannelData header", "needs 4 bytes, got " + length);
    }
    int number = BigEndian.u16(bytes, offset);
    if (!isValidChannelNumber(number)) {
      throw new StunFormatException(
          "channel number", String.format("0x%04X is outside 0x4000-0x4FFF", number));
    }
    int dataLength = BigEndian.u16(bytes, offset + 2);
    int minimum = HEADER_LENGTH + dataLength;
    int maximum = HEADER_LENGTH + BigEndian.pad4(dataLength);
    if (length < (framing == Framing.STREAM ? maximum : minimum) || length > maximum) {
      throw new StunFormatException("ChannelData length",
          dataLength + " data bytes do not fit a " + framing + " frame of " + length + " bytes");
    }
    return dataLength;
  }

  /** Decodes the frame of {@code length} bytes at {@code offset}, copying the data. */
  public static ChannelData decode(byte[] bytes, int offset, int length, Framing framing)
      throws StunFormatException {
    int dataLength = checkFrame(bytes, offset, length, framing);
    int start = offset + HEADER_LENGTH;
    byte[] data = Arrays.copyOfRange(bytes, start, start + dataLength);
    return new ChannelData(BigEndian.u16(bytes, offset), data);
  }

  /** A copy of the application data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Encoded length: padded to 4 for streams only. */
  public int encodedLength(Framing framing) {
    int length = HEADER_LENGTH + data.length;
    return framing == Framing.STREAM ? BigEndian.pad4(length) : length;
  }

  /** Encodes at {@code offset} with zero padding for streams; returns the bytes written. */
  public int encodeInto(byte[] destination, int offset, Framing framing) {
    int length = encodedLength(framing);
    Objects.checkFromIndexSize(offset, length, destination.length);
    BigEndian.putU16(destination, offset, channelNumber);
    BigEndian.putU16(destination, offset + 2, data.length);
    System.arraycopy(data, 0, destination, offset + HEADER_LENGTH, data.length);
    Arrays.fill(destination, offset + HEADER_LENGTH + data.length, offset + length, (byte) 0);
    return length;
  }

  /** Encodes into a new array. */
  public byte[] encode(Framing framing) {
    byte[] bytes = new byte[encodedLength(framing)];
    encodeInto(bytes, 0, framing);
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChannelData that
        && channelNumber == that.channelNumber
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * channelNumber + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("ChannelData[0x%04X, %d bytes]", channelNumber, data.length);
  }
}
