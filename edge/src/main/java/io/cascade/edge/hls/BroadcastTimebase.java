// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The time origin shared by every rendition of a broadcast, so that matching content has matching
 * timestamps and program dates in every variant (RFC 8216bis §6.2.4). The first sample that starts
 * any rendition fixes the origin: its 90 kHz timestamp becomes media time zero and the injected
 * clock's instant at that moment becomes its EXT-X-PROGRAM-DATE-TIME; segment starts and their
 * media sequence numbers are shared too ({@link SegmentGrid}). Sequence numbers start from
 * the clock's epoch second at open, so a broadcast that restarts under the same id does not reuse
 * the URIs (and CDN cache entries) of its previous run.
 */
final class BroadcastTimebase {
    /** Part sequence numbers start at {@code 100 * sequenceBase}: room for 100 parts a second. */
    private static final long PARTS_PER_SECOND_HEADROOM = 100;

    private final InstantSource clock;
    private final long sequenceBase;
    private volatile Origin origin;

    /** @param ticks90k the source timestamp (90 kHz) of media time zero */
    record Origin(long ticks90k, Instant wallClock) {
    }

    private final long partBase;
    private final SegmentGrid segments;

    /**
     * @param notBeforeMsn the first media sequence number not used by an earlier run of the same
     *     broadcast id in this process (0 if none), so names stay unique even within one second
     * @param notBeforePart likewise for part sequence numbers
     */
    BroadcastTimebase(InstantSource clock, long notBeforeMsn, long notBeforePart, HlsSettings settings) {
        this.clock = clock;
        this.sequenceBase = Math.max(notBeforeMsn, Math.max(0, clock.millis() / 1000));
        this.partBase = Math.max(notBeforePart, sequenceBase * PARTS_PER_SECOND_HEADROOM);
        this.segments = new SegmentGrid(settings, sequenceBase);
    }

    /** Where segments start on this timeline and their numbers, shared by every rendition. */
    SegmentGrid segments() {
        return segments;
    }

    long firstMediaSequence() {
        return sequenceBase;
    }

    long firstPartSequence() {
        return partBase;
    }

    /** The origin, fixed by the first caller. */
    synchronized Origin start(long ticks90k) {
        if (origin == null) {
            origin = new Origin(ticks90k, clock.instant());
        }
        return origin;
    }

    /** Null until a rendition has started. */
    Origin origin() {
        return origin;
    }

    /** The program date of media time {@code ticks} (relative to the origin) in {@code timescale}. */
    Instant wallClockAt(long ticks, int timescale) {
        Origin o = origin;
        long nanos = Math.floorDiv(ticks, timescale) * 1_000_000_000L
                + Math.floorMod(ticks, timescale) * 1_000_000_000L / timescale;
        return o.wallClock().plusNanos(nanos);
    }

    InstantSource clock() {
        return clock;
    }
}
