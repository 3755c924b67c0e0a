// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.InstantSource;
import java.util.Optional;

/** One page's signaling connection on this node: who it is (once authenticated) and its limits. */
public final class Connection {
    private final ClientSink sink;
    private final RateLimiter limiter;
    private final InstantSource clock;
    private String user;
    private long lastRateError = Long.MIN_VALUE / 2; // "long ago", without overflow in now - lastRateError
    private long refused;

    Connection(ClientSink sink, SignalingSettings settings, InstantSource clock) {
        this.sink = sink;
        this.clock = clock;
        this.limiter = new RateLimiter(clock, settings.messagesPerSecond(), settings.burst());
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Messages refused on this connection (malformed, unknown, over a limit). */
    public long refused() {
        return refused;
    }

    String userOrNull() {
        return user;
    }

    void user(String name) {
        user = name;
    }

    boolean admit() {
        return limiter.tryAcquire();
    }

    /**
     * Whether to answer a rate-limited message: once a second at most, so that a flood is not
     * answered with a flood.
     */
    boolean shouldReportRateLimit() {
        long now = clock.millis();
        if (now - lastRateError >= 1000) {
            lastRateError = now;
            return true;
        }
        return false;
    }

    void countRefused() {
        refused++;
    }

    void send(ServerMessage message) {
        sink.send(SignalingJson.write(message));
    }

    void close(int code, String reason) {
        sink.close(code, reason);
    }
}
