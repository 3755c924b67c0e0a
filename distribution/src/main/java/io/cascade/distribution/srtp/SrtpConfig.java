// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * Limits of an SRTP context, validated on construction.
 *
 * @param replayWindow how many packet indices behind the highest one received are still
 *     accepted once each (RFC 3711 §3.3.2: at least 64); a multiple of 64 up to 32768. The
 *     same width applies to SRTP and SRTCP, and to the send side's refusal to reuse an index.
 * @param maxStreams how many SSRCs one context keeps state for (RTP and RTCP together); a
 *     packet for one more is refused with {@link SrtpResult#STREAM_LIMIT}
 */
public record SrtpConfig(int replayWindow, int maxStreams) {
    /** RFC 3711 §3.3.2's minimum, and what libsrtp and browsers use. */
    public static final int DEFAULT_REPLAY_WINDOW = 64;
    /** Enough for a transport that carries many forwarded streams (simulcast layers, RTX). */
    public static final int DEFAULT_MAX_STREAMS = 1024;
    /** The defaults above. */
    public static final SrtpConfig DEFAULTS = new SrtpConfig(DEFAULT_REPLAY_WINDOW, DEFAULT_MAX_STREAMS);

    private static final int MAX_REPLAY_WINDOW = 32768;

    /** Validates both limits. */
    public SrtpConfig {
        if (replayWindow < DEFAULT_REPLAY_WINDOW || replayWindow > MAX_REPLAY_WINDOW || replayWindow % 64 != 0) {
            throw new IllegalArgumentException(
                    "srtp replayWindow must be a multiple of 64 in 64..32768, got " + replayWindow);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("srtp maxStreams must be at least 1, got " + maxStreams);
        }
    }
}
