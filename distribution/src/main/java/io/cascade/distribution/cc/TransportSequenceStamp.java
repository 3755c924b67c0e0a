// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import io.netty.buffer.ByteBuf;

/**
 * Writes a transport-wide sequence number into an outgoing RTP packet as a one-byte-form header
 * extension element (RFC 8285 §4.2: ID, L=1, two octets). The packet's extension block must
 * already be blank (its elements zeroed, as the relay does to every packet toward a viewer):
 *
 * <ul>
 *   <li>a block with at least one word: its profile becomes 0xBEDE and the element takes the
 *       first three octets; the rest stays padding, the packet keeps its length;</li>
 *   <li>a block of no words: it grows by one word (4 octets) holding the element;</li>
 *   <li>no block (X=0, plain RTP from our own packetizers): one is inserted after the CSRCs,
 *       8 octets (profile, length 1, element, padding) and X is set.</li>
 * </ul>
 *
 * Growing shifts the payload toward the end within the buffer, which needs that many writable
 * octets ({@link #MAX_GROWTH}); nothing is allocated.
 */
public final class TransportSequenceStamp {
    /** The most a packet grows: a whole extension block of one word. */
    public static final int MAX_GROWTH = 8;
    /** Extension ids the one-byte form can carry (RFC 8285 §4.2: 15 is reserved). */
    public static boolean usableId(int id) {
        return id >= 1 && id <= 14;
    }

    private TransportSequenceStamp() {}

    /**
     * Stamps {@code seq} (16 bits) under {@code id} into the RTP packet in {@code packet}'s readable
     * bytes.
     *
     * @return the octets the packet grew by (0, 4 or 8), or -1 when it was left as it was (its
     *     header runs past its end, or there is no room to grow)
     */
    public static int write(ByteBuf packet, int id, int seq) {
        int at = packet.readerIndex();
        int end = packet.writerIndex();
        if (end - at < 12) {
            return -1;
        }
        int first = packet.getUnsignedByte(at);
        int ext = at + 12 + 4 * (first & 0x0F);
        if ((first & 0x10) == 0) {
            if (ext > end || packet.capacity() - end < 8) {
                return -1;
            }
            shift(packet, ext, end, 8);
            packet.setShort(ext, 0xBEDE);
            packet.setShort(ext + 2, 1);
            packet.setInt(ext + 4, 0);
            element(packet, ext + 4, id, seq);
            packet.setByte(at, first | 0x10);
            return 8;
        }
        if (ext + 4 > end) {
            return -1;
        }
        int words = packet.getUnsignedShort(ext + 2);
        if (ext + 4 + 4 * words > end) {
            return -1;
        }
        packet.setShort(ext, 0xBEDE);
        if (words > 0) {
            element(packet, ext + 4, id, seq);
            return 0;
        }
        if (packet.capacity() - end < 4) {
            return -1;
        }
        shift(packet, ext + 4, end, 4);
        packet.setShort(ext + 2, 1);
        packet.setInt(ext + 4, 0);
        element(packet, ext + 4, id, seq);
        return 4;
    }

    private static void element(ByteBuf packet, int at, int id, int seq) {
        packet.setByte(at, (id << 4) | 1); // L = length - 1
        packet.setShort(at + 1, seq);
    }

    /**
     * Moves octets [from, end) up by {@code by} (4 or 8) and advances the writer index; copies
     * from the end down, so the overlap is safe whatever the buffer's memory.
     */
    private static void shift(ByteBuf packet, int from, int end, int by) {
        int length = end - from;
        packet.writerIndex(end + by);
        int k = length;
        for (; k >= 8; k -= 8) {
            packet.setLong(from + by + k - 8, packet.getLong(from + k - 8));
        }
        for (; k > 0; k--) {
            packet.setByte(from + by + k - 1, packet.getByte(from + k - 1));
        }
    }
}
