// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * Extends 32-bit RTP timestamps (RFC 3550 §5.1) to a 64-bit timeline: a timestamp within half
 * the range of the highest one seen is placed next to it, so the wrap (every 13 h at 90 kHz) is
 * invisible and reordered packets land before it. One per stream and clock; not thread-safe.
 */
public final class RtpTimestampExtender {
    private long highest = Long.MIN_VALUE;

    public long extend(int timestamp) {
        long unsigned = timestamp & 0xFFFFFFFFL;
        if (highest == Long.MIN_VALUE) {
            highest = unsigned;
            return unsigned;
        }
        long candidate = (highest & ~0xFFFFFFFFL) | unsigned;
        if (candidate - highest > 0x80000000L) {
            candidate -= 0x100000000L;
        } else if (highest - candidate > 0x80000000L) {
            candidate += 0x100000000L;
        }
        highest = Math.max(highest, candidate);
        return candidate;
    }

    /**
     * {@code timestamp} placed next to {@code reference} (an extended timestamp of the same
     * clock): within half the 32-bit range of it, before or after. Does not move any state.
     */
    public static long near(long reference, int timestamp) {
        long candidate = (reference & ~0xFFFFFFFFL) | (timestamp & 0xFFFFFFFFL);
        if (candidate - reference > 0x80000000L) {
            candidate -= 0x100000000L;
        } else if (reference - candidate > 0x80000000L) {
            candidate += 0x100000000L;
        }
        return candidate;
    }
}
