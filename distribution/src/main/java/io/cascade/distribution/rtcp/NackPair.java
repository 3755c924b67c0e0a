// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import java.util.function.IntConsumer;

/**
 * One Generic NACK FCI entry (RFC 4585 §6.2.1): a packet ID (PID) that was lost and a bitmask
 * of following lost packets (BLP), where bit i (least significant = 0) set means PID + i + 1 was
 * lost too. One entry covers up to 17 sequence numbers.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param packetId the PID, a lost RTP sequence number, 0..65535
 * @param bitmask  the BLP, 16 bits
 */
public record NackPair(int packetId, int bitmask) {
    /** Sequence numbers one entry can name: the PID and 16 after it. */
    public static final int SPAN = 17;

    public NackPair {
        if (packetId < 0 || packetId > 0xFFFF || bitmask < 0 || bitmask > 0xFFFF) {
            throw new IllegalArgumentException("PID and BLP are 16 bits: " + packetId + ", " + bitmask);
        }
    }

    /** Calls {@code consumer} with each lost sequence number, in order, wrapping past 65535. */
    public void forEachLost(IntConsumer consumer) {
        consumer.accept(packetId);
        for (int bit = 0; bit < 16; bit++) {
            if ((bitmask & (1 << bit)) != 0) {
                consumer.accept((packetId + bit + 1) & 0xFFFF);
            }
        }
    }

    /** How many sequence numbers this entry names (1..17). */
    public int lostCount() {
        return 1 + Integer.bitCount(bitmask);
    }
}
