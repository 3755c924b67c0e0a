// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * What the relay sent on one transport, by transport-wide sequence number: when (µs) and how
 * big (octets), for the last {@link #SLOTS} packets. A ring indexed by the low bits of the
 * 16-bit sequence number; a slot remembers the full number, so feedback about a packet that
 * has been overwritten (or was never sent) finds nothing. Each packet is acknowledged at most
 * once, so feedback that repeats itself is not counted twice. Shard thread only; nothing is
 * allocated after construction.
 */
public final class SendHistory {
    /** 2048 packets: two seconds at 10 Mbit/s of 1200-octet packets, many feedback intervals. */
    public static final int SLOTS = 2048;

    private final int[] sequence = new int[SLOTS];
    private final long[] sentUs = new long[SLOTS];
    /** Octets sent, negated once the packet was reported received. */
    private final int[] size = new int[SLOTS];

    public SendHistory() {
        java.util.Arrays.fill(sequence, -1);
    }

    /** Packet {@code seq} (16 bits) of {@code octets} left at {@code nowUs}. */
    public void sent(int seq, long nowUs, int octets) {
        int slot = seq & (SLOTS - 1);
        sequence[slot] = seq & 0xFFFF;
        sentUs[slot] = nowUs;
        size[slot] = Math.max(1, octets);
    }

    /** Forgets {@code seq}: it was stamped but did not leave. */
    public void forget(int seq) {
        int slot = seq & (SLOTS - 1);
        if (sequence[slot] == (seq & 0xFFFF)) {
            sequence[slot] = -1;
        }
    }

    /** Whether {@code seq} is remembered and not yet reported received. */
    public boolean pending(int seq) {
        int slot = seq & (SLOTS - 1);
        return sequence[slot] == (seq & 0xFFFF) && size[slot] > 0;
    }

    /** When {@code seq} was sent; call only when {@link #pending} or acknowledged. */
    public long sentUs(int seq) {
        return sentUs[seq & (SLOTS - 1)];
    }

    /**
     * Marks {@code seq} received and returns its size in octets, or 0 when it is not
     * remembered or was already acknowledged.
     */
    public int acknowledge(int seq) {
        if (!pending(seq)) {
            return 0;
        }
        int slot = seq & (SLOTS - 1);
        int octets = size[slot];
        size[slot] = -octets;
        return octets;
    }
}
