// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

/**
 * The per-allocation bandwidth quota, one direction: a token bucket of bytes refilled at the
 * configured rate, holding at most one second's worth (bursts such as a video keyframe pass, a
 * sustained flood does not). {@link #NONE} is the null object for "no limit". Lives on the
 * allocation's event loop; not thread-safe.
 */
class BandwidthLimit {
    /** No limit: every datagram passes. */
    static final BandwidthLimit NONE = new BandwidthLimit(0) {
        @Override
        boolean tryConsume(int bytes, long nowMillis) {
            return true;
        }
    };

    private final long bytesPerSecond;
    private long tokens;
    private long lastMillis = Long.MIN_VALUE;

    private BandwidthLimit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
    }

    /** A limit of {@code kbps} kilobits per second, or {@link #NONE} for 0. */
    static BandwidthLimit ofKbps(int kbps) {
        return kbps == 0 ? NONE : new BandwidthLimit(kbps * 1000L / 8);
    }

    /** Takes {@code bytes} at {@code nowMillis}; false means drop the datagram. */
    boolean tryConsume(int bytes, long nowMillis) {
        if (nowMillis > lastMillis) {
            if (lastMillis != Long.MIN_VALUE) {
                tokens = Math.min(bytesPerSecond, tokens + (nowMillis - lastMillis) * bytesPerSecond / 1000);
            }
            lastMillis = nowMillis;
        }
        if (tokens < bytes) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
