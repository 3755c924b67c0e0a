// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The published state of one rendition: numbers parts and segments, keeps the live (or DVR)
 * window plus a grace window of removed segments, bounds the bytes kept (in the spool, see
 * {@link RenditionStore}), and completes held requests.
 *
 * <p>Retention (RFC 8216bis §6.2.2): a segment removed from the playlist stays downloadable for
 * one more window (its availability duration is at most its own duration plus the playlist's),
 * and a part stays with its segment, far longer than the three target durations required after
 * its EXT-X-PART tag goes. Over the byte cap the grace window shrinks first, then the listed one,
 * never below the minimum the settings validated.
 */
final class RenditionTimeline implements PartSink {
    private static final Logger LOG = Logger.getLogger(RenditionTimeline.class);
    /** Held requests per rendition (a viewer holds at most a playlist and a part); beyond: 503. */
    private static final int MAX_WAITERS = 50_000;

    private final HlsSettings settings;
    private final BroadcastTimebase timebase;
    private final RenditionStore store;
    private final Waiters waiters = new Waiters(MAX_WAITERS);
    private volatile TimelineSnapshot current;
    private long retainedBytes;
    private volatile long peakBitsPerSecond;
    private long totalBytes;
    private double totalSeconds;

    RenditionTimeline(HlsSettings settings, BroadcastTimebase timebase, RenditionStore store, long firstMsn,
            long firstPartSequence) {
        this.settings = settings;
        this.timebase = timebase;
        this.store = store;
        this.current = TimelineSnapshot.empty(firstMsn, firstPartSequence);
    }

    TimelineSnapshot snapshot() {
        return current;
    }

    /** Result of {@link #await}. */
    enum Hold { READY, WAITING, FULL }

    /**
     * Runs {@code callback} once {@code until} holds: at once (returning READY, without calling
     * the callback) or later from the publishing thread, or with TIMEOUT after the blocking timeout.
     */
    Hold await(Predicate<TimelineSnapshot> until, Consumer<Waiters.Outcome> callback) {
        long deadline = timebase.clock().millis() + settings.blockingTimeout().toMillis();
        synchronized (this) {
            if (until.test(current)) {
                return Hold.READY;
            }
            return waiters.add(until, deadline, callback) ? Hold.WAITING : Hold.FULL;
        }
    }

    /** Times out held requests past their deadline; called on every publish and by a periodic sweep. */
    void expireWaiters() {
        List<Runnable> done;
        synchronized (this) {
            done = waiters.take(current, timebase.clock().millis());
        }
        run(done);
    }

    int waiting() {
        synchronized (this) {
            return waiters.size();
        }
    }

    @Override
    public void part(long msn, byte[] fragment, long startTicks, long durationTicks, int timescale,
            boolean independent) {
        TimelineSnapshot s = current;
        if (s.retained().isEmpty() && s.openParts().isEmpty()) {
            // the first part: its segment's number comes from the broadcast's grid
            s = new TimelineSnapshot(s.retained(), s.firstListed(), msn, s.openParts(), null, s.nextPartSequence(),
                    s.ended());
        } else if (msn != s.openMsn()) {
            throw new IllegalStateException("part of segment " + msn + " while segment " + s.openMsn() + " is open");
        }
        // Written (to the spool) before it is published: a published part's bytes are all there.
        Part p = new Part(s.openMsn(), s.openParts().size(), s.nextPartSequence(), durationTicks, timescale,
                independent, store.part(s.openMsn(), fragment));
        List<Part> open = new ArrayList<>(s.openParts());
        open.add(p);
        Instant pdt = s.openParts().isEmpty() ? timebase.wallClockAt(startTicks, timescale) : s.openProgramDateTime();
        retainedBytes += fragment.length;
        publish(new TimelineSnapshot(s.retained(), s.firstListed(), s.openMsn(), List.copyOf(open), pdt,
                s.nextPartSequence() + 1, false));
    }

    @Override
    public void endSegment() {
        TimelineSnapshot s = current;
        if (s.openParts().isEmpty()) {
            return;
        }
        Segment segment = new Segment(s.openMsn(), s.openParts(), s.openProgramDateTime());
        store.endSegment();
        record(segment);
        List<Segment> all = new ArrayList<>(s.retained());
        all.add(segment);
        int listed = Math.min(all.size(), listedCount(all));
        int keep = Math.min(all.size(), 2 * listed);
        List<Segment> removed = new ArrayList<>(1);
        while (all.size() > keep || (retainedBytes > settings.maxBytesPerRendition() && all.size() > minimumListed())) {
            Segment gone = all.remove(0);
            retainedBytes -= gone.bytes();
            removed.add(gone);
        }
        store.retire(removed);
        listed = Math.min(listed, all.size());
        publish(new TimelineSnapshot(List.copyOf(all), all.size() - listed, s.openMsn() + 1, List.of(), null,
                s.nextPartSequence(), false));
    }

    @Override
    public void end() {
        TimelineSnapshot s = current;
        publish(new TimelineSnapshot(s.retained(), s.firstListed(), s.openMsn(), s.openParts(),
                s.openProgramDateTime(), s.nextPartSequence(), true));
    }

    /** The rendition is removed: held requests end (their handlers answer 404), its files are deleted. */
    void close() {
        List<Runnable> done;
        synchronized (this) {
            done = waiters.takeAll();
        }
        run(done);
        store.close();
    }

    RenditionStore store() {
        return store;
    }

    /** Highest segment bitrate seen, bits per second (BANDWIDTH), or 0 before the first segment. */
    long peakBitsPerSecond() {
        return peakBitsPerSecond;
    }

    /** Mean bitrate over every segment so far (AVERAGE-BANDWIDTH), or 0. */
    synchronized long averageBitsPerSecond() {
        return totalSeconds <= 0 ? 0 : (long) (totalBytes * 8 / totalSeconds);
    }

    private synchronized void record(Segment segment) {
        double seconds = segment.seconds();
        if (seconds > 0) {
            peakBitsPerSecond = Math.max(peakBitsPerSecond, (long) (segment.bytes() * 8 / seconds));
        }
        totalBytes += segment.bytes();
        totalSeconds += seconds;
    }

    /** How many of the newest segments the playlist lists: the live window, or the DVR window if longer. */
    private int listedCount(List<Segment> all) {
        int count = settings.liveWindowSegments();
        double dvr = settings.dvrWindow().toMillis() / 1000.0;
        if (dvr > 0) {
            double sum = 0;
            int n = 0;
            for (int i = all.size() - 1; i >= 0 && sum + all.get(i).seconds() <= dvr; i--) {
                sum += all.get(i).seconds();
                n++;
            }
            count = Math.max(count, n);
        }
        return count;
    }

    private int minimumListed() {
        return settings.liveWindowSegments();
    }

    private void publish(TimelineSnapshot next) {
        List<Runnable> done;
        synchronized (this) {
            current = next;
            done = waiters.take(next, timebase.clock().millis());
        }
        run(done);
    }

    private static void run(List<Runnable> completions) {
        for (Runnable r : completions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "a held HLS request failed to complete");
            }
        }
    }
}
