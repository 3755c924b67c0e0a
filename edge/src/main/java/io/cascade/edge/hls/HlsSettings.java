// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Packaging settings for every rendition of the broadcasts of one {@link HlsBroadcasts}. Values are
 * validated here, once; the derived LL-HLS attributes follow RFC 8216bis §4.4.3.8 and §6.2.5.2.
 *
 * @param partTarget PART-TARGET: no part is longer (100 ms to 1 s; 200 ms default)
 * @param segmentTarget the segment length aimed at; a segment ends at the first keyframe once it is
 *     at least {@code segmentTarget - partTarget} long (1 s to 10 s; 2 s default)
 * @param liveWindowSegments segments listed in the playlist without a DVR window (default 6)
 * @param dvrWindow when positive, the playlist lists this much media instead (bounded by memory)
 * @param maxBytesPerRendition cap for the stored parts of one rendition (default 128 MiB), in the
 *     spool (tmpfs is RAM) or in memory
 * @param spoolRoot null (the default): parts, segments and init sections are held in direct memory
 *     and each response is written from there (the kernel copies it into socket buffers); a
 *     directory: they are written to files below it (each {@link HlsBroadcasts} makes its own) and
 *     sent with sendfile, and the byte cap then bounds that directory instead of the heap's direct
 *     memory ({@link #defaultSpoolRoot()}: tmpfs). Measured on loopback (docs/BENCHMARKS.md, edge),
 *     sendfile through Vert.x costs more CPU per 78 KB part than the copy it saves, hence the default
 */
public record HlsSettings(Duration partTarget, Duration segmentTarget, int liveWindowSegments, Duration dvrWindow,
        long maxBytesPerRendition, Path spoolRoot) {
    public static final HlsSettings DEFAULTS = new HlsSettings(Duration.ofMillis(200), Duration.ofSeconds(2), 6,
            Duration.ZERO, 128L << 20, null);

    public HlsSettings {
        long part = partTarget.toMillis();
        long segment = segmentTarget.toMillis();
        if (part < 100 || part > 1000 || !partTarget.equals(Duration.ofMillis(part))) {
            throw new IllegalArgumentException("partTarget: whole milliseconds from 100 ms to 1 s, got " + partTarget);
        }
        if (segment < 1000 || segment > 10_000 || segment < 3 * part) {
            throw new IllegalArgumentException("segmentTarget: 1 s to 10 s and at least 3 parts, got " + segmentTarget);
        }
        long targetDuration = (segment + 999) / 1000;
        // RFC 8216bis §6.2.2: never a playlist shorter than three target durations.
        if (liveWindowSegments < 3 || liveWindowSegments * (segment - part) < 3 * 1000 * targetDuration) {
            throw new IllegalArgumentException("liveWindowSegments: " + liveWindowSegments
                    + " segments would list less than three target durations");
        }
        if (dvrWindow.isNegative() || dvrWindow.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("dvrWindow: 0 to 24 h, got " + dvrWindow);
        }
        if (maxBytesPerRendition < (1L << 20)) {
            throw new IllegalArgumentException("maxBytesPerRendition: at least 1 MiB, got " + maxBytesPerRendition);
        }
    }

    public HlsSettings withPartTarget(Duration d) {
        return new HlsSettings(d, segmentTarget, liveWindowSegments, dvrWindow, maxBytesPerRendition, spoolRoot);
    }

    public HlsSettings withSegmentTarget(Duration d) {
        return new HlsSettings(partTarget, d, liveWindowSegments, dvrWindow, maxBytesPerRendition, spoolRoot);
    }

    public HlsSettings withLiveWindowSegments(int n) {
        return new HlsSettings(partTarget, segmentTarget, n, dvrWindow, maxBytesPerRendition, spoolRoot);
    }

    public HlsSettings withDvrWindow(Duration d) {
        return new HlsSettings(partTarget, segmentTarget, liveWindowSegments, d, maxBytesPerRendition, spoolRoot);
    }

    public HlsSettings withMaxBytesPerRendition(long n) {
        return new HlsSettings(partTarget, segmentTarget, liveWindowSegments, dvrWindow, n, spoolRoot);
    }

    /** {@code /dev/shm} where it is a writable directory (tmpfs, RAM), else java.io.tmpdir. */
    public static Path defaultSpoolRoot() {
        return Spool.defaultRoot();
    }

    /** Spool under {@code root}, or with null, hold parts in memory (see {@link #spoolRoot()}). */
    public HlsSettings withSpoolRoot(Path root) {
        return new HlsSettings(partTarget, segmentTarget, liveWindowSegments, dvrWindow, maxBytesPerRendition, root);
    }

    /** EXT-X-TARGETDURATION, whole seconds: the segment target rounded up. */
    public int targetDurationSeconds() {
        return (int) ((segmentTarget.toMillis() + 999) / 1000);
    }

    long partTargetMillis() {
        return partTarget.toMillis();
    }

    /** PART-TARGET converted to ticks of {@code timescale}, rounded down so parts never exceed it. */
    long partTargetTicks(int timescale) {
        return partTarget.toMillis() * timescale / 1000;
    }

    /** A keyframe may end the segment once it is this long. */
    long minSegmentTicks(int timescale) {
        return (segmentTarget.toMillis() - partTarget.toMillis()) * timescale / 1000;
    }

    /**
     * The longest segment allowed: EXTINF rounded to the nearest integer must stay at or below the
     * target duration (RFC 8216bis §4.4.3.1), so strictly below TARGETDURATION + 0.5 s.
     */
    long maxSegmentTicks(int timescale) {
        return (targetDurationSeconds() * 2L + 1) * timescale / 2 - 1;
    }

    /** §6.2.5.2: a blocked request answers 503 after three target durations. */
    Duration blockingTimeout() {
        return Duration.ofSeconds(3L * targetDurationSeconds());
    }

    /** §6.2.5.2 Advance Part Limit: 3 / PART-TARGET for a part target below one second, else 3. */
    double advancePartLimit() {
        return partTarget.toMillis() < 1000 ? 3000.0 / partTarget.toMillis() : 3;
    }

    /** Parts a segment is expected to hold, to turn msn/part distances into part counts. */
    int expectedPartsPerSegment() {
        return (int) ((segmentTarget.toMillis() + partTarget.toMillis() - 1) / partTarget.toMillis());
    }
}
