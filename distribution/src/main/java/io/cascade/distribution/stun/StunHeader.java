// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import io.netty.buffer.ByteBuf;

/**
 * Constants of the 20-byte STUN header (RFC 8489 §5) and the cheap "is this STUN?" test used to
 * demultiplex a shared port (RFC 7983 §7; RFC 8489 §7).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class StunHeader {
  /** Header length in bytes; the Message Length field does not count it. */
  public static final int LENGTH = 20;

  /** The fixed magic cookie, which also keys the XOR of mapped addresses (§14.2). */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** Largest Message Length: the 16-bit field, kept a multiple of 4. */
  public static final int MAX_BODY_LENGTH = 0xFFFC;

  private StunHeader() {}

  /**
   * Whether these bytes start like a STUN message: RFC 7983 puts STUN at first bytes 0-3 (the two
   * leading zero bits of §5 would allow 0-63, but 20-63 is DTLS; every method below 0x100, which
   * covers STUN, TURN and RFC 6062, fits in 0-3); the magic cookie and a Message Length that is a
   * multiple of 4 make a false positive on RTP, DTLS or ChannelData very unlikely. Does not check
   * that the length matches, so it also works on the head of a stream.
   */
  public static boolean isStun(byte[] bytes, int offset, int length) {
    return length >= LENGTH
        && (bytes[offset] & 0xFC) == 0
        && (BigEndian.u16(bytes, offset + 2) & 3) == 0
        && BigEndian.i32(bytes, offset + 4) == MAGIC_COOKIE;
  }

  /** {@link #isStun(byte[], int, int)} on the readable bytes, without moving any index. */
  public static boolean isStun(ByteBuf buffer) {
    int at = buffer.readerIndex();
    return buffer.readableBytes() >= LENGTH
        && (buffer.getByte(at) & 0xFC) == 0
        && (buffer.getUnsignedShort(at + 2) & 3) == 0
        && buffer.getInt(at + 4) == MAGIC_COOKIE;
  }
}
