// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.InstantSource;

/** A token bucket: {@code perSecond} tokens a second, at most {@code burst} saved. Injected clock. */
final class RateLimiter {
    private final InstantSource clock;
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long last;

    RateLimiter(InstantSource clock, int perSecond, int burst) {
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = clock.millis();
    }

    boolean tryAcquire() {
        long now = clock.millis();
        tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMilli);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
