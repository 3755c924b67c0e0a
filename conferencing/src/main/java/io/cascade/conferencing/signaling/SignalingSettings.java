// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Duration;
import java.util.Objects;

/**
 * A signaling node's settings ({@code cascade.signaling.*} in the application).
 *
 * @param node               this node's id (the directory's)
 * @param ringTimeout        an unanswered call ends with {@code timeout} after this long
 * @param maxMessageBytes    larger frames are refused with {@code too_large}
 * @param messagesPerSecond  sustained messages per connection; more are refused with {@code rate_limited}
 * @param burst              messages a connection may send at once above the rate (trickle ICE comes in bursts)
 * @param presenceToEveryone every user sees every other's presence (local profile); otherwise contacts only
 */
public record SignalingSettings(String node, Duration ringTimeout, int maxMessageBytes, int messagesPerSecond,
                                int burst, boolean presenceToEveryone) {
    public SignalingSettings {
        Objects.requireNonNull(node, "node");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
        }
        if (maxMessageBytes < 1024 || messagesPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("max message size >= 1024, rate and burst >= 1");
        }
    }

    /** Defaults: 30 s ring, 64 KiB messages, 50 a second with bursts of 200, presence to contacts. */
    public static SignalingSettings defaults(String node) {
        return new SignalingSettings(node, Duration.ofSeconds(30), 64 * 1024, 50, 200, false);
    }

    public SignalingSettings withRingTimeout(Duration timeout) {
        return new SignalingSettings(node, timeout, maxMessageBytes, messagesPerSecond, burst, presenceToEveryone);
    }

    public SignalingSettings withPresenceToEveryone(boolean everyone) {
        return new SignalingSettings(node, ringTimeout, maxMessageBytes, messagesPerSecond, burst, everyone);
    }

    public SignalingSettings withRate(int perSecond, int burstSize) {
        return new SignalingSettings(node, ringTimeout, maxMessageBytes, perSecond, burstSize, presenceToEveryone);
    }
}
