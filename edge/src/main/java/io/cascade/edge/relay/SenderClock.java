// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.relay;

import io.cascade.distribution.rtcp.NtpTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One track's RTP timestamps on the publisher's NTP clock, in the track's own rate: the first
 * sender report (RFC 3550 §6.4.1) fixes the mapping, {@code ticks = ntpTicks(sr) + (rtp - sr.rtp)}
 * with 64-bit extended timestamps. Later reports are only checked against it: a mapping that
 * moved (a publisher restarted, an upstream failover rebased the relay's offset, a clock that
 * drifts) is counted, never applied, so the timeline the packager sees has no jumps.
 *
 * <p>Ticks count from one epoch shared by every track in this JVM (the NTP second of the first
 * report any track saw), so tracks whose publisher put them on one NTP clock (every rendition
 * of a broadcast, video and audio) get the same ticks for the same instant, and the values stay
 * small enough to convert between rates without overflow. Not thread-safe.
 */
final class SenderClock {
    /** A report this far from the epoch is not trusted (tick arithmetic would overflow): 2^29 s, 17 years. */
    private static final long MAX_EPOCH_DISTANCE_SECONDS = 1L << 29;
    private static final AtomicLong EPOCH = new AtomicLong(Long.MIN_VALUE);

    private final int rate;
    private final long tolerance;
    private boolean mapped;
    private long anchorTicks;
    private long anchorRtp;
    private long reports;
    private long drifts;
    private long rejected;
    private long lastDrift;

    /** @param rate the track's RTP clock rate, Hz */
    SenderClock(int rate) {
        this.rate = rate;
        this.tolerance = Math.max(1, rate / 50); // 20 ms: more than a relay's arrival-based report wobbles
    }

    /**
     * A sender report: {@code ntp} and the track's extended RTP timestamp at that instant.
     *
     * @return false when it was rejected (an NTP time too far from the epoch)
     */
    boolean report(long ntp, long extendedRtp) {
        long seconds = NtpTime.seconds(ntp);
        EPOCH.compareAndSet(Long.MIN_VALUE, seconds);
        long epoch = EPOCH.get();
        if (Math.abs(seconds - epoch) > MAX_EPOCH_DISTANCE_SECONDS) {
            rejected++;
            return false;
        }
        reports++;
        long ticks = NtpTime.ticksSince(ntp, epoch, rate);
        if (!mapped) {
            mapped = true;
            anchorTicks = ticks;
            anchorRtp = extendedRtp;
            return true;
        }
        long drift = ticks - ticks(extendedRtp);
        if (Math.abs(drift) > tolerance) {
            drifts++;
            lastDrift = drift;
        }
        return true;
    }

    boolean mapped() {
        return mapped;
    }

    /** The shared-timeline ticks of an extended RTP timestamp; only once {@link #mapped()}. */
    long ticks(long extendedRtp) {
        return anchorTicks + (extendedRtp - anchorRtp);
    }

    long reports() {
        return reports;
    }

    /** Reports that disagreed with the kept mapping by more than 20 ms. */
    long drifts() {
        return drifts;
    }

    /** The last such disagreement, ticks (report minus mapping). */
    long lastDrift() {
        return lastDrift;
    }

    long rejected() {
        return rejected;
    }
}
