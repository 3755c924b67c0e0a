// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * The last N packets of one track, by sequence number, for answering NACKs (RFC 4585 §6.2.1).
 * A ring indexed by {@code seq & (N - 1)}: a slot holds one copy (never a slice of the receive
 * batch, so one cached packet never pins a whole batch buffer), its sequence number, length and
 * arrival time. Owned by one shard thread.
 *
 * <p>Storage is pages of {@value #PAGE_SLOTS} fixed-stride slots, each page one pooled direct
 * buffer allocated the first time one of its slots is written and reused from then on. A
 * buffer per packet would put a new heap object (the pooled buffer's wrapper) into the cache
 * for every packet until the ring is full: objects that live a few seconds, so every young
 * collection copies them, and those copies made the relay's young pauses 3-36 ms long (1-3 ms
 * since; docs/BENCHMARKS.md). A packet longer than the stride gets a buffer of its
 * own in that slot, released when the slot is overwritten.
 */
final class RetransmissionCache {
    /** Slots per page: a whole page of 1232-octet slots is 77 KiB. */
    static final int PAGE_SLOTS = 64;

    private final ByteBuf[] pages;
    /** Slots per page: {@link #PAGE_SLOTS}, or the whole capacity when it is smaller. */
    private final int pageSlots;
    private final int stride;
    /** Packets longer than the stride, by slot; null until the first such packet. */
    private ByteBuf[] oversize;
    private final int[] sequences;
    /** Octets in the slot; 0 when empty. */
    private final int[] lengths;
    private final long[] arrivedMs;
    private final int mask;
    private final long maxAgeMs;

    /**
     * @param capacity packets kept, a power of two
     * @param stride   octets a slot holds in its page; longer packets are stored on their own
     */
    RetransmissionCache(int capacity, long maxAgeMs, int stride) {
        if (Integer.bitCount(capacity) != 1 || stride < 12) {
            throw new IllegalArgumentException("capacity " + capacity + " (a power of two), stride " + stride + " (>= 12)");
        }
        this.pageSlots = Math.min(capacity, PAGE_SLOTS);
        this.pages = new ByteBuf[capacity / pageSlots];
        this.stride = stride;
        this.sequences = new int[capacity];
        this.lengths = new int[capacity];
        this.arrivedMs = new long[capacity];
        this.mask = capacity - 1;
        this.maxAgeMs = maxAgeMs;
    }

    /** Stores a copy of {@code length} bytes at {@code offset} of {@code src} under {@code seq}. */
    void put(int seq, ByteBuf src, int offset, int length, long nowMs, ByteBufAllocator alloc) {
        int slot = seq & mask;
        if (oversize != null && oversize[slot] != null) {
            oversize[slot].release();
            oversize[slot] = null;
        }
        if (length <= stride) {
            ByteBuf page = pages[slot / pageSlots];
            if (page == null) {
                page = alloc.directBuffer(pageSlots * stride, pageSlots * stride);
                pages[slot / pageSlots] = page;
            }
            page.setBytes((slot % pageSlots) * stride, src, offset, length);
        } else {
            if (oversize == null) {
                oversize = new ByteBuf[lengths.length];
            }
            ByteBuf copy = alloc.directBuffer(length, length);
            copy.writeBytes(src, offset, length);
            oversize[slot] = copy;
        }
        sequences[slot] = seq;
        lengths[slot] = length;
        arrivedMs[slot] = nowMs;
    }

    /** The cached packet's length for {@code seq}, or -1 when it is gone or too old to resend. */
    int lengthOf(int seq, long nowMs) {
        int slot = seq & mask;
        if (lengths[slot] == 0 || sequences[slot] != seq || nowMs - arrivedMs[slot] > maxAgeMs) {
            return -1;
        }
        return lengths[slot];
    }

    /** Appends the packet cached for {@code seq} (which {@link #lengthOf} found) to {@code out}. */
    void copyTo(int seq, ByteBuf out) {
        int slot = seq & mask;
        if (oversize != null && oversize[slot] != null) {
            out.writeBytes(oversize[slot], oversize[slot].readerIndex(), lengths[slot]);
        } else {
            out.writeBytes(pages[slot / pageSlots], (slot % pageSlots) * stride, lengths[slot]);
        }
    }

    boolean contains(int seq) {
        int slot = seq & mask;
        return lengths[slot] != 0 && sequences[slot] == seq;
    }

    /** Forgets every packet and releases the storage (a source switch, or the stream closing). */
    void clear() {
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] != null) {
                pages[i].release();
                pages[i] = null;
            }
        }
        if (oversize != null) {
            for (ByteBuf b : oversize) {
                if (b != null) {
                    b.release();
                }
            }
            oversize = null;
        }
        Arrays.fill(lengths, 0);
    }
}
