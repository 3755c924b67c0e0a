// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import io.cascade.distribution.rtp.RtpTimestampExtender;
import java.util.function.LongSupplier;

/**
 * One millisecond timeline for the RTP tracks of one publisher, so that its audio and video stay
 * in sync after conversion. Each track's RTP clock has a random origin (RFC 3550 §5.1) and only
 * an RTCP sender report ties it to wall time; the relay does not pass the publisher's reports on
 * to subscribers (its own reports describe its output), so a track is placed by the arrival of
 * its first packet instead: that packet's time is its arrival on the shared wall clock, and every
 * later timestamp is reckoned from it in the track's own clock (wrap-safe, {@link
 * RtpTimestampExtender}; a reordered packet lands before its successors). Audio and video are then
 * aligned within the difference of their first packets' network and packetization delays, a few
 * milliseconds on one path.
 *
 * <p>The timeline starts at {@link #START_MS}, not 0, so that an AAC encoder's priming (1024
 * samples before the first input) never makes a timestamp negative. Not thread-safe.
 */
public final class RtpMediaClock {
    /** The timeline's origin: the first packet of the first track arrives at this time. */
    public static final long START_MS = 1000;
    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nowMs;
    private long epochMs = NONE;

    /** @param nowMs the wall clock packets arrive on, in ms */
    public RtpMediaClock(LongSupplier nowMs) {
        this.nowMs = nowMs;
    }

    /** A track on this timeline, with its RTP clock rate (90000 for video, 48000 for Opus). */
    public Track track(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        return new Track(clockRate);
    }

    /** One track's timestamps on the shared timeline. */
    public final class Track {
        private final int clockRate;
        private final RtpTimestampExtender extender = new RtpTimestampExtender();
        private long baseTicks = NONE;
        private long anchorMicros;

        private Track(int clockRate) {
            this.clockRate = clockRate;
        }

        /** The time of RTP timestamp {@code rtpTimestamp} (32 bits unsigned in an int), in µs. */
        public long micros(int rtpTimestamp) {
            long ticks = extender.extend(rtpTimestamp);
            if (baseTicks == NONE) {
                long now = nowMs.getAsLong();
                if (epochMs == NONE) {
                    epochMs = now;
                }
                baseTicks = ticks;
                anchorMicros = (START_MS + now - epochMs) * 1000;
            }
            return anchorMicros + Math.floorDiv((ticks - baseTicks) * 1_000_000, clockRate);
        }

        /** {@link #micros} in ms. */
        public long millis(int rtpTimestamp) {
            return Math.floorDiv(micros(rtpTimestamp), 1000);
        }
    }
}
