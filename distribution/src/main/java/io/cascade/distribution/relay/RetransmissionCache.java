// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The last N packets of one track, by sequence number, for answering NACKs (RFC 4585 §6.2.1).
 * A ring indexed by {@code seq & (N - 1)}: a slot holds one copy (a right-sized pooled buffer, not
 * a slice of the receive batch, so one cached packet never pins a whole batch buffer), its
 * sequence number and arrival time. Owned by one shard thread.
 */
final class RetransmissionCache {
    private final ByteBuf[] packets;
    private final int[] sequences;
    private final long[] arrivedMs;
    private final int mask;
    private final long maxAgeMs;

    RetransmissionCache(int capacity, long maxAgeMs) {
        this.packets = new ByteBuf[capacity];
        this.sequences = new int[capacity];
        this.arrivedMs = new long[capacity];
        this.mask = capacity - 1;
        this.maxAgeMs = maxAgeMs;
    }

    /** Stores a copy of {@code length} bytes at {@code offset} of {@code src} under {@code seq}. */
    void put(int seq, ByteBuf src, int offset, int length, long nowMs, ByteBufAllocator alloc) {
        int slot = seq & mask;
        ByteBuf old = packets[slot];
        if (old != null) {
            old.release();
        }
        ByteBuf copy = alloc.directBuffer(length, length);
        copy.writeBytes(src, offset, length);
        packets[slot] = copy;
        sequences[slot] = seq;
        arrivedMs[slot] = nowMs;
    }

    /** The cached packet for {@code seq} (borrowed, do not release), or null when gone or too old. */
    ByteBuf get(int seq, long nowMs) {
        int slot = seq & mask;
        ByteBuf p = packets[slot];
        if (p == null || sequences[slot] != seq || nowMs - arrivedMs[slot] > maxAgeMs) {
            return null;
        }
        return p;
    }

    boolean contains(int seq) {
        int slot = seq & mask;
        return packets[slot] != null && sequences[slot] == seq;
    }

    /** Releases every cached packet (a source switch, or the stream closing). */
    void clear() {
        for (int i = 0; i < packets.length; i++) {
            if (packets[i] != null) {
                packets[i].release();
                packets[i] = null;
            }
        }
    }
}
