// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * The 4-octet header every RTCP packet starts with (RFC 3550 §6.4.1; RFC 4585 §6.1 names the
 * count field FMT in feedback packets).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  RC/FMT |       PT      |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param padding       the P bit
 * @param countOrFormat the 5-bit report/source count, or FMT for feedback, 0..31
 * @param packetType    the PT field, 0..255
 * @param length        the length field: packet length in 32-bit words minus one, 0..65535
 */
public record RtcpHeader(boolean padding, int countOrFormat, int packetType, int length) {
    /** Octets in the header. */
    public static final int LENGTH = 4;
    /** RFC 3550 §6.4.1: version 2. */
    public static final int VERSION = 2;
    /** The count/FMT field is 5 bits. */
    public static final int MAX_COUNT = 31;

    public RtcpHeader {
        if (countOrFormat < 0 || countOrFormat > MAX_COUNT) {
            throw new IllegalArgumentException("count/FMT must be 0..31: " + countOrFormat);
        }
        if (packetType < 0 || packetType > 0xFF || length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("packet type must be 8 bits and length 16 bits");
        }
    }

    /** The header for a packet whose body (everything after the header) is {@code bodyLength} octets. */
    public static RtcpHeader forBody(int countOrFormat, int packetType, int bodyLength) {
        if (bodyLength % 4 != 0) {
            throw new IllegalArgumentException("RTCP bodies are whole 32-bit words: " + bodyLength);
        }
        return new RtcpHeader(false, countOrFormat, packetType, bodyLength / 4);
    }

    /**
     * Reads the header at the reader index and moves past it. The length is not checked against
     * the buffer here; {@link RtcpCursor} does that for a whole compound packet.
     *
     * @throws RtcpFormatException {@code length} when fewer than 4 octets are readable,
     *     {@code version} when the version is not 2
     */
    public static RtcpHeader decode(ByteBuf in) {
        if (in.readableBytes() < LENGTH) {
            throw new RtcpFormatException(RtcpValidity.TRUNCATED_HEADER);
        }
        int first = in.readUnsignedByte();
        if (first >>> 6 != VERSION) {
            throw new RtcpFormatException(RtcpValidity.BAD_VERSION);
        }
        return new RtcpHeader((first & 0x20) != 0, first & 0x1F, in.readUnsignedByte(), in.readUnsignedShort());
    }

    /** Writes the header at the writer index. */
    public void encode(ByteBuf out) {
        out.writeByte(VERSION << 6 | (padding ? 0x20 : 0) | countOrFormat);
        out.writeByte(packetType);
        out.writeShort(length);
    }

    /** Octets of the whole packet, header and padding included: {@code (length + 1) * 4}. */
    public int packetLength() {
        return (length + 1) * 4;
    }
}
