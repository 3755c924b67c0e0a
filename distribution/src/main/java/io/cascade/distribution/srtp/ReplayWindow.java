// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.util.Arrays;

/**
 * The replay list of RFC 3711 §3.3.2 for one SSRC: the highest index authenticated so far and a
 * bitmap of which of the {@code size} indices up to it have been seen. An index above the highest
 * is new; one within the window is new unless its bit is set; one further back is too old.
 *
 * <p>The bitmap is a ring of 64-bit words indexed by {@code index / 64} (the layout of RFC 6479),
 * so advancing costs one cleared word per 64 indices skipped and no shifting. It has at least
 * one word more than the window needs, so every index inside the window has its own bit.
 *
 * <p>{@link #check} reads only; {@link #accept} is called after the packet authenticated, so a
 * forged packet moves nothing. Used for 48-bit SRTP packet indices and 31-bit SRTCP indices.
 */
final class ReplayWindow {
    private final long[] words;
    private final int mask;
    private final int size;
    private long highest = -1;

    ReplayWindow(int size) {
        this.size = size;
        int needed = size / Long.SIZE + 1;
        int length = Integer.highestOneBit(needed);
        words = new long[length < needed ? length << 1 : length];
        mask = words.length - 1;
    }

    /** The highest index accepted, or -1 before the first. */
    long highest() {
        return highest;
    }

    /** {@link SrtpResult#OK} when {@code index} may be accepted, else why not. */
    SrtpResult check(long index) {
        if (highest < 0 || index > highest) {
            return SrtpResult.OK;
        }
        if (highest - index >= size) {
            return SrtpResult.TOO_OLD;
        }
        return (words[slot(index)] & bit(index)) != 0 ? SrtpResult.REPLAYED : SrtpResult.OK;
    }

    /** Records {@code index}, which {@link #check} allowed. */
    void accept(long index) {
        if (index > highest) {
            advanceTo(index);
        }
        words[slot(index)] |= bit(index);
    }

    private void advanceTo(long index) {
        if (highest < 0) {
            Arrays.fill(words, 0);
        } else {
            long from = highest >>> 6;
            long steps = Math.min((index >>> 6) - from, words.length);
            for (long i = 1; i <= steps; i++) {
                words[slot((from + i) << 6)] = 0;
            }
        }
        highest = index;
    }

    private int slot(long index) {
        return (int) (index >>> 6) & mask;
    }

    private static long bit(long index) {
        return 1L << (index & 63);
    }
}
