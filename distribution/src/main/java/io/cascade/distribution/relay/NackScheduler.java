// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtp.RtpSequence;
import java.util.function.IntConsumer;

/**
 * Tracks packets missing from a source and decides when to ask for them (RFC 4585 §6.2.1): at
 * once when a gap appears, again every retry interval while still missing, at most
 * {@code retries} times, and never for more than {@link #CAPACITY} packets at once (a burst longer
 * than that is left to a keyframe request). Owned by one shard thread; no allocation.
 */
final class NackScheduler {
    static final int CAPACITY = 256;
    /** A gap wider than this is treated as a restart or a long outage, not as loss. */
    static final int MAX_GAP = 128;

    private final int[] seqs = new int[CAPACITY];
    private final long[] nextAskMs = new long[CAPACITY];
    private final int[] asked = new int[CAPACITY];
    private int size;
    private final long retryMs;
    private final int retries;
    private long requested;
    private long recovered;
    private long givenUp;

    NackScheduler(long retryMs, int retries) {
        this.retryMs = retryMs;
        this.retries = retries;
    }

    /** A gap {@code from..to} (inclusive, modulo 2^16) was seen; false when too wide to chase. */
    boolean addGap(int from, int to, long nowMs) {
        int n = RtpSequence.forwardDistance(from, to) + 1;
        if (n > MAX_GAP) {
            return false;
        }
        for (int i = 0, s = from; i < n && size < CAPACITY; i++, s = RtpSequence.next(s)) {
            seqs[size] = s;
            nextAskMs[size] = nowMs;
            asked[size] = 0;
            size++;
        }
        return true;
    }

    /** A packet arrived: if it was missing, it is recovered. */
    void arrived(int seq) {
        for (int i = 0; i < size; i++) {
            if (seqs[i] == seq) {
                removeAt(i);
                recovered++;
                return;
            }
        }
    }

    /** Feeds every sequence number due for a (re)request to {@code out}; drops those out of retries. */
    int collectDue(long nowMs, IntConsumer out) {
        int n = 0;
        for (int i = 0; i < size; ) {
            if (asked[i] >= retries) {
                removeAt(i);
                givenUp++;
                continue;
            }
            if (nextAskMs[i] <= nowMs) {
                out.accept(seqs[i]);
                asked[i]++;
                nextAskMs[i] = nowMs + retryMs;
                requested++;
                n++;
            }
            i++;
        }
        return n;
    }

    private void removeAt(int i) {
        size--;
        seqs[i] = seqs[size];
        nextAskMs[i] = nextAskMs[size];
        asked[i] = asked[size];
    }

    void clear() {
        size = 0;
    }

    int missing() {
        return size;
    }

    long requested() {
        return requested;
    }

    long recovered() {
        return recovered;
    }

    long givenUp() {
        return givenUp;
    }
}
