// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * Aggregates keyframe requests (PLI/FIR from many subscribers, joins, source switches) into at
 * most one request per interval toward the publisher. A request inside the interval is not lost:
 * it is remembered and sent when the interval has passed (SPECS.md: mediasoup lets one per second
 * reach the producer; Jitsi keeps them at least 200 ms apart).
 */
final class KeyframeRequestThrottle {
    private final long intervalMs;
    private long lastSentMs = Long.MIN_VALUE / 2;
    private boolean pending;
    private long suppressed;

    KeyframeRequestThrottle(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /** Records a request; true when it should be sent now. */
    boolean request(long nowMs) {
        if (nowMs - lastSentMs >= intervalMs) {
            lastSentMs = nowMs;
            pending = false;
            return true;
        }
        pending = true;
        suppressed++;
        return false;
    }

    /** On a timer tick: true when a held-back request is now due. */
    boolean due(long nowMs) {
        if (pending && nowMs - lastSentMs >= intervalMs) {
            lastSentMs = nowMs;
            pending = false;
            return true;
        }
        return false;
    }

    long suppressed() {
        return suppressed;
    }
}
