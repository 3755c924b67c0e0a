// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.dtls.DtlsSessionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the WebRTC side of a relay presents itself and how long it waits.
 *
 * @param candidateHosts the addresses put in our ICE candidates, in order of preference (an
 *     ICE-lite server offers host candidates only, RFC 8445 §2.5); the port is the shard's
 * @param connectTimeout how long a session may take from the answer to DTLS done
 * @param dtls the DTLS limits (handshake timeout, MTU)
 * @param publishCodecs encoding names a publisher may send, in our preference (H264 keeps the
 *     broadcast path free of video transcoding for HLS; add VP8 to take it too)
 */
public record WebRtcSettings(List<String> candidateHosts, Duration connectTimeout, DtlsSessionSettings dtls,
                             List<String> publishCodecs) {
    public WebRtcSettings {
        candidateHosts = List.copyOf(candidateHosts);
        publishCodecs = List.copyOf(publishCodecs);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(dtls, "dtls");
        if (candidateHosts.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate host");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
    }

    /** Candidates on {@code host}, 20 s to connect, default DTLS limits, H.264 and Opus from publishers. */
    public static WebRtcSettings on(String host) {
        return new WebRtcSettings(List.of(host), Duration.ofSeconds(20), DtlsSessionSettings.DEFAULTS,
                List.of("H264", "opus"));
    }
}
