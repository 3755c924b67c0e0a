// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;

/**
 * ChannelData framing (RFC 8656 §12.4, §12.5) on the relay path, read and written in place in
 * Netty buffers (the codec's {@code ChannelData} record copies, for tests and tools).
 *
 * <pre>
 * | Channel Number (16) | Length (16) | Application Data, padded to 4 on streams |
 * </pre>
 *
 * <p>Channel numbers: RFC 8656 §12 allows 0x4000-0x4FFF; RFC 5766 §11 allowed 0x4000-0x7FFE, and
 * deployed clients still pick from the wider range ({@code turnutils_uclient} binds 0x5xxx-0x7xxx),
 * so this server accepts RFC 5766's range ("5766 compatible"). On a dedicated TURN port nothing
 * else has to be told apart by the first byte, so the RFC 7983 demultiplexing that motivated the
 * narrower range does not apply here.
 */
final class ChannelFrame {
    static final int HEADER = 4;
    static final int MIN_NUMBER = 0x4000;
    static final int MAX_NUMBER = 0x7FFE;

    private ChannelFrame() {}

    /** Whether the first byte says ChannelData (0x40-0x7F). */
    static boolean isChannelData(int firstByte) {
        return firstByte >= 0x40 && firstByte <= 0x7F;
    }

    static boolean isValidNumber(int number) {
        return number >= MIN_NUMBER && number <= MAX_NUMBER;
    }

    /**
     * The data length of the ChannelData message that makes up the readable bytes of a datagram,
     * or -1 to discard it: shorter than its Length field says (§12.6), or longer than the length
     * plus at most 3 bytes of padding.
     */
    static int datagramDataLength(ByteBuf d) {
        int size = d.readableBytes();
        if (size < HEADER) {
            return -1;
        }
        int length = d.getUnsignedShort(d.readerIndex() + 2);
        return size >= HEADER + length && size <= HEADER + ((length + 3) & ~3) ? length : -1;
    }

    /** Bytes a ChannelData message of {@code dataLength} bytes takes on this transport. */
    static int encodedLength(int dataLength, boolean stream) {
        return stream ? HEADER + ((dataLength + 3) & ~3) : HEADER + dataLength;
    }

    /** Appends a ChannelData message carrying {@code length} bytes at {@code index} of {@code data}. */
    static void write(int number, ByteBuf data, int index, int length, boolean stream, ByteBuf out) {
        out.writeShort(number).writeShort(length);
        out.writeBytes(data, index, length);
        if (stream) {
            out.writeZero(((length + 3) & ~3) - length);
        }
    }
}
