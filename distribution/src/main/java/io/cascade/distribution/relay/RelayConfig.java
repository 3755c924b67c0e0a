// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.time.Duration;

/**
 * Tuning of a relay node.
 *
 * @param cachePackets          packets kept per track for retransmission (a power of two)
 * @param cacheAge              how old a cached packet may be and still be resent
 * @param keyframeInterval      minimum gap between keyframe requests reaching one publisher
 *                              (mediasoup allows one per second; Jitsi 200 ms)
 * @param nackRetryInterval     how long to wait before asking again for a still-missing packet
 * @param nackRetries           how often to ask for one missing packet
 * @param subscriberTimeout     a subscriber that sent no RTCP for this long is dropped
 * @param publisherSilence      a publisher that sent nothing for this long is reported silent
 * @param reportInterval        how often RR go upstream and SR downstream (RFC 3550 §6.2 suggests ~5 s; we use less for faster loss feedback)
 */
public record RelayConfig(int cachePackets, Duration cacheAge, Duration keyframeInterval,
                          Duration nackRetryInterval, int nackRetries, Duration subscriberTimeout,
                          Duration publisherSilence, Duration reportInterval) {
    public RelayConfig {
        if (Integer.bitCount(cachePackets) != 1 || cachePackets < 16) {
            throw new IllegalArgumentException("cachePackets must be a power of two >= 16: " + cachePackets);
        }
        if (nackRetries < 0) {
            throw new IllegalArgumentException("nackRetries must be >= 0");
        }
    }

    public static RelayConfig defaults() {
        return new RelayConfig(1024, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(40), 3,
                Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    public RelayConfig withSubscriberTimeout(Duration timeout) {
        return new RelayConfig(cachePackets, cacheAge, keyframeInterval, nackRetryInterval, nackRetries,
                timeout, publisherSilence, reportInterval);
    }
}
