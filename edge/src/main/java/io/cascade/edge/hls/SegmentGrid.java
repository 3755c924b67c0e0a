// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where the segments of a broadcast start, on its shared timeline, and their media sequence numbers:
 * one map for every rendition, so that segment N of 360p covers the same media as segment N of
 * 720p (what a player switching renditions relies on, as Apple's LL-HLS rules ask).
 *
 * <p>The rendition furthest ahead extends the grid with the ordinary cutting rule (a keyframe once
 * the segment is at least segmentTarget - partTarget long; a part boundary once one more part would
 * take it past TARGETDURATION + 0.5 s); the others follow it: they end a segment at their first
 * sample at (within a tolerance) a start the grid knows, keyframe or not, and take its number. The
 * transcode job encodes every rendition with keyframes at the same instants, so followers find a
 * keyframe there; one that lacks it still cuts there (that segment is not independent) rather than
 * number its segments differently. Times are 90 kHz ticks from the broadcast's origin. Thread-safe.
 */
final class SegmentGrid {
    /** Starts kept: far more than any rendition lags behind the furthest one (about an hour of 1 s segments). */
    private static final int KEPT = 4096;

    private final TreeMap<Long, Long> starts = new TreeMap<>();
    private final long firstMsn;
    private final long minSegment;
    private final long maxSegment;
    private final long partTarget;
    private volatile boolean videoLeads;

    /** A segment start: its time (90 kHz from the origin) and media sequence number. */
    record Start(long ticks, long msn) {
    }

    SegmentGrid(HlsSettings settings, long firstMsn) {
        this.firstMsn = firstMsn;
        this.minSegment = settings.minSegmentTicks(90_000);
        this.maxSegment = settings.maxSegmentTicks(90_000);
        this.partTarget = settings.partTargetTicks(90_000);
    }

    /**
     * A rendition with video was added: from now on only video renditions extend the grid (an
     * audio-only rendition's frames are all "sync", it would cut where video has no keyframe).
     */
    void videoAdded() {
        videoLeads = true;
    }

    boolean videoLeads() {
        return videoLeads;
    }

    /**
     * The segment a sample at {@code ticks} belongs to: the last start at or before
     * {@code ticks + tolerance}, or null before the first. When {@code ticks} lies past every known
     * start (this rendition is the furthest ahead) and {@code mayExtend}, the cutting rule is applied
     * first and may add a start at {@code ticks}.
     *
     * @param keyframe whether a segment may start here because the sample is a keyframe
     * @param partBoundary whether a part ends here (a segment over its longest may then be cut)
     */
    synchronized Start at(long ticks, long tolerance, boolean keyframe, boolean partBoundary, boolean mayExtend) {
        Map.Entry<Long, Long> last = starts.lastEntry();
        if (mayExtend) {
            if (last == null) {
                if (keyframe) {
                    add(ticks, firstMsn);
                }
            } else if (ticks > last.getKey() + tolerance) {
                long length = ticks - last.getKey();
                if ((keyframe && length >= minSegment) || (partBoundary && length + partTarget > maxSegment)) {
                    add(ticks, last.getValue() + 1);
                }
            }
        }
        Map.Entry<Long, Long> e = starts.floorEntry(ticks + tolerance);
        return e == null ? null : new Start(e.getKey(), e.getValue());
    }

    /** The highest number given so far, or {@code firstMsn - 1}. */
    synchronized long lastMsn() {
        return starts.isEmpty() ? firstMsn - 1 : starts.lastEntry().getValue();
    }

    private void add(long ticks, long msn) {
        starts.put(ticks, msn);
        if (starts.size() > KEPT) {
            starts.pollFirstEntry();
        }
    }
}
