// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Token buckets for the answers the server gives to unauthenticated requests (401, 438 and other
 * errors before authentication), keyed by a hash of the source IP into a fixed table.
 *
 * <p>Why: a spoofed-source flood of Allocate requests would otherwise make the server reflect one
 * ~100-byte 401 per ~30-byte request at the spoofed victim (SPECS: "a rate on 401s"). With this,
 * a victim address receives at most {@code ratePerSecond} such answers a second after a burst of
 * four times that; the rest are dropped silently and counted, and a real client simply
 * retransmits (RFC 8489 §6.2.1).
 *
 * <p>Memory is bounded whatever the flood: {@value #SLOTS} buckets, shared by sources whose hashes
 * collide (which can only make the limit stricter for them). One instance per event loop; not
 * thread-safe. Time comes in as milliseconds from the injected clock.
 */
final class SourceRateLimiter {
    static final int SLOTS = 4096;
    private final long[] tokensMilli = new long[SLOTS];
    private final long[] lastMillis = new long[SLOTS];
    private final long ratePerSecond;
    private final long burstMilli;

    SourceRateLimiter(int ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
        this.burstMilli = 4L * ratePerSecond * 1000;
        Arrays.fill(tokensMilli, burstMilli);
        Arrays.fill(lastMillis, Long.MIN_VALUE);
    }

    /** Takes a token for {@code source} at {@code nowMillis}; false means do not answer. */
    boolean tryAcquire(InetAddress source, long nowMillis) {
        int slot = slot(source);
        long last = lastMillis[slot];
        long tokens = tokensMilli[slot];
        if (last != Long.MIN_VALUE && nowMillis > last) {
            // Tokens are kept in thousandths so that low rates refill smoothly per millisecond.
            tokens = Math.min(burstMilli, tokens + (nowMillis - last) * ratePerSecond);
        }
        lastMillis[slot] = Math.max(nowMillis, last);
        if (tokens < 1000) {
            tokensMilli[slot] = tokens;
            return false;
        }
        tokensMilli[slot] = tokens - 1000;
        return true;
    }

    private static int slot(InetAddress source) {
        int h = source.hashCode() * 0x9E3779B1;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
