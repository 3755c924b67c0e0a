// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.CmafTracks;
import io.cascade.edge.cmaf.FragmentSample;
import io.cascade.edge.cmaf.FragmentWriter;
import io.cascade.edge.cmaf.TrackRun;
import io.cascade.edge.cmaf.VideoSample;
import io.cascade.edge.cmaf.VideoTrack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one rendition's samples into parts and segments, on the broadcast's shared
 * {@link SegmentGrid} so that every rendition numbers the same media the same way.
 *
 * <p>The lead track (video when present, else audio) decides every cut. A sample's duration is the
 * distance to the next sample, so each sample is appended once its successor arrives. Rules:
 * <ol>
 *   <li>Segments start where the grid says, with its numbers. The rendition furthest ahead extends
 *       the grid: a segment ends before a keyframe once it is at least segmentTarget - partTarget
 *       long; if the GOP is longer, the segment waits for the keyframe, but only up to just under
 *       TARGETDURATION + 0.5 s (§6.2.1: EXTINF rounds to at most the target duration), then it ends
 *       at a part boundary and the next one starts without a keyframe. The others end their segment
 *       at their first sample at a start the grid knows (within {@link #MAX_TOLERANCE_MS}, less
 *       than half a frame for other than keyframes), keyframe or not, and number the next one one
 *       higher; a rendition left behind (a gap in its source) catches up one sample at a time.</li>
 *   <li>A rendition's first segment starts at its first keyframe that is a segment start on the
 *       grid (within {@link #START_SLACK_MS}); samples before it are dropped and counted, so a
 *       rendition added late waits up to one segment.</li>
 *   <li>Part k of a segment ends at the first sample at or after segmentStart + (k+1) x PART-TARGET
 *       (the grid's start, so parts line up across renditions), or earlier where one more sample
 *       would overflow PART-TARGET (RFC 8216bis §4.4.3.7) by more than {@link #JITTER_MS}; a part
 *       that overflows by less (timestamp jitter) has its last sample trimmed. A single sample
 *       longer than PART-TARGET (a gap in the source) is shortened to it, and the next part's
 *       {@code tfdt} restores the timeline.</li>
 *   <li>A part closes as soon as its end is known (at the next sample's arrival); a keyframe always
 *       starts a new part (INDEPENDENT=YES).</li>
 * </ol>
 * Muxed audio rides along: a part takes the queued audio frames that start before the part's end.
 * Not thread-safe; {@link HlsRendition} serializes calls.
 */
final class RenditionPackager {
    private static final int AUDIO_QUEUE_FRAMES = 2048;
    /** Audio that arrives before this rendition's first keyframe waits here (about 1 s of AAC). */
    private static final int EARLY_AUDIO_FRAMES = 64;
    /** How far a keyframe may be from a grid start and still start that segment (non-keyframes: under half a frame). */
    static final long MAX_TOLERANCE_MS = 20;
    /** A rendition's first sample starts a segment up to this long after the grid's start of it. */
    static final long START_SLACK_MS = 40;
    /**
     * A part may overflow PART-TARGET by this much (its last sample is trimmed), so that the tick of
     * rounding between renditions' clocks does not move cuts; far less than any frame rate's excess.
     */
    static final long JITTER_MICROS = 50;

    private final CmafTracks tracks;
    private final BroadcastTimebase timebase;
    private final PartSink sink;
    private final SegmentGrid grid;
    private final int leadTimescale;
    private final long jitter;
    private final long partTarget;
    private final long minSegment;
    private final long maxSegment;
    private final AudioQueue audio;
    private final List<FragmentSample> leadRun = new ArrayList<>();
    private final ArrayDeque<AudioSample> earlyAudio = new ArrayDeque<>();
    private long videoStartTicks = -1;
    private VideoSample lastVideo;
    private long lastVideoTicks;
    private long lastVideoDuration;
    private long leadRunStart;
    private long partTicks;
    private boolean partIndependent;
    private long segmentTicks;
    /** The open segment's number, or -1 before the first. */
    private long openMsn = -1;
    /** Where the open segment starts on the grid (lead ticks): parts are aligned to it. */
    private long segmentStart;
    /**
     * The first keyframe's composition offset (B-frame delay): decode time plus this is presentation
     * time, which is what the grid and program dates compare, so renditions encoded with and without
     * B-frames still line up.
     */
    private long presentationDelay;
    private long fragmentSequence = 1;
    private boolean ended;
    private long videoSamples;
    private long audioSamples;
    private long droppedBeforeStart;
    private long droppedNonMonotonic;
    private long parts;
    private long segments;

    RenditionPackager(CmafTracks tracks, HlsSettings settings, BroadcastTimebase timebase, PartSink sink) {
        this.tracks = tracks;
        this.timebase = timebase;
        this.sink = sink;
        this.grid = timebase.segments();
        this.leadTimescale = tracks.hasVideo() ? VideoTrack.TIMESCALE : tracks.audio().timescale();
        this.jitter = JITTER_MICROS * leadTimescale / 1_000_000;
        this.partTarget = settings.partTargetTicks(leadTimescale);
        this.minSegment = settings.minSegmentTicks(leadTimescale);
        this.maxSegment = settings.maxSegmentTicks(leadTimescale);
        this.audio = tracks.hasAudio() ? new AudioQueue(tracks.audio(), AUDIO_QUEUE_FRAMES) : null;
    }

    void video(VideoSample s) {
        if (!tracks.hasVideo()) {
            throw new IllegalStateException("this rendition has no video track");
        }
        if (ended) {
            return;
        }
        videoSamples++;
        if (lastVideo == null) {
            start(s);
            return;
        }
        long ticks = s.dts() - timebase.origin().ticks90k();
        long gap = ticks - lastVideoTicks;
        if (gap <= 0) {
            droppedNonMonotonic++;
            return;
        }
        long duration = Math.min(gap, partTarget);
        lead(lastVideoTicks, duration, videoSample(lastVideo, duration), ticks, s.keyframe(), false);
        lastVideo = s;
        lastVideoTicks = ticks;
        lastVideoDuration = duration;
    }

    /** The rendition's first video sample: a keyframe at or after the broadcast's origin, at a segment start. */
    private void start(VideoSample s) {
        if (!s.keyframe()) {
            droppedBeforeStart++;
            return;
        }
        long ticks = s.dts() - timebase.start(s.dts()).ticks90k();
        presentationDelay = Math.max(0, s.compositionOffset());
        if (ticks < 0 || !startSegmentAt(ticks, millisToLead(MAX_TOLERANCE_MS))) {
            droppedBeforeStart++;
            return;
        }
        lastVideo = s;
        lastVideoTicks = ticks;
        videoStartTicks = ticks;
        while (!earlyAudio.isEmpty()) {
            acceptAudio(earlyAudio.removeFirst());
        }
    }

    void audio(AudioSample s) {
        if (audio == null) {
            throw new IllegalStateException("this rendition has no audio track");
        }
        if (ended) {
            return;
        }
        audioSamples++;
        if (tracks.hasVideo() && videoStartTicks < 0) {
            if (earlyAudio.size() == EARLY_AUDIO_FRAMES) {
                earlyAudio.removeFirst();
                droppedBeforeStart++;
            }
            earlyAudio.addLast(s);                 // muxed audio starts with this rendition's first keyframe
            return;
        }
        acceptAudio(s);
    }

    private void acceptAudio(AudioSample s) {
        int rate = tracks.audio().timescale();
        BroadcastTimebase.Origin origin = tracks.hasVideo() ? timebase.origin()
                : timebase.start(Math.floorDiv(s.pts() * VideoTrack.TIMESCALE, rate));
        long ticks = s.pts() - Math.floorDiv(origin.ticks90k() * rate, VideoTrack.TIMESCALE);
        if (ticks < 0 || (tracks.hasVideo() && Math.floorDiv(ticks * VideoTrack.TIMESCALE, rate) < videoStartTicks)) {
            droppedBeforeStart++;
            return;
        }
        if (!tracks.hasVideo() && openMsn < 0 && !startSegmentAt(ticks, 0)) {
            droppedBeforeStart++;                   // an audio-only rendition also starts at a segment start
            return;
        }
        if (!audio.accepts(ticks)) {
            droppedNonMonotonic++;
            return;
        }
        AudioQueue.Timed done = audio.offer(ticks, s.data());
        if (done != null) {
            if (tracks.hasVideo()) {
                audio.queue(done);
            } else {
                leadAudio(done, ticks, false);
            }
        }
    }

    /** Ends the stream: flushes the held samples into a last part and segment, then EXT-X-ENDLIST. */
    void finish() {
        if (ended) {
            return;
        }
        ended = true;
        AudioQueue.Timed lastAudio = audio == null ? null : audio.flush();
        if (lastAudio != null && tracks.hasVideo()) {
            audio.queue(lastAudio);
        } else if (lastAudio != null) {
            leadAudio(lastAudio, Long.MAX_VALUE, true);
        }
        if (lastVideo != null) {
            long duration = lastVideoDuration > 0 ? lastVideoDuration : Math.min(VideoTrack.TIMESCALE / 30, partTarget);
            lead(lastVideoTicks, duration, videoSample(lastVideo, duration), Long.MAX_VALUE, true, true);
            lastVideo = null;
        }
        if (segmentTicks > 0) {
            sink.endSegment();
            segments++;
            segmentTicks = 0;
        }
        sink.end();
    }

    RenditionCounters counters() {
        return new RenditionCounters(videoSamples, audioSamples, droppedBeforeStart, droppedNonMonotonic,
                audio == null ? 0 : audio.dropped(), parts, segments);
    }

    private void leadAudio(AudioQueue.Timed t, long nextTicks, boolean last) {
        FragmentSample f = t.sample();
        long duration = Math.min(f.duration(), partTarget);
        lead(t.ticks(), duration, new FragmentSample((int) duration, 0, true, f.data()), nextTicks, true, last);
    }

    /**
     * Whether the rendition's first segment may start with a sample at {@code ticks}: the grid has
     * (or, this rendition being the furthest ahead, now adds) a segment start at most
     * {@link #START_SLACK_MS} before it. Sets the open segment's number and start.
     */
    private boolean startSegmentAt(long ticks, long tolerance) {
        SegmentGrid.Start at = grid.at(toGrid(ticks), toGridDuration(tolerance), true, true, mayExtendGrid());
        if (at == null || toGrid(ticks) - at.ticks() > START_SLACK_MS * 90) {
            return false;
        }
        openMsn = at.msn();
        segmentStart = fromGrid(at.ticks());
        return true;
    }

    private void lead(long ticks, long duration, FragmentSample sample, long nextTicks, boolean nextSync,
            boolean last) {
        if (!leadRun.isEmpty() && partTicks + duration > partTarget + jitter) {
            closePart(ticks, nextSegment(ticks, sample.sync(), duration, true));    // it would overflow the part
        }
        if (leadRun.isEmpty()) {
            leadRunStart = ticks;
            partIndependent = sample.sync();
        }
        if (partTicks + duration > partTarget) {    // by at most the jitter allowance: trim, keep PART-TARGET
            duration = partTarget - partTicks;
            sample = new FragmentSample((int) duration, sample.compositionOffset(), sample.sync(), sample.data());
        }
        leadRun.add(sample);
        partTicks += duration;
        if (last) {
            closePart(nextTicks, null);
            return;
        }
        boolean partEnds = (tracks.hasVideo() && nextSync)
                || nextTicks >= nominalPartEnd() - tolerance(false, duration)
                || partTicks + duration > partTarget + jitter;
        SegmentGrid.Start next = nextSegment(nextTicks, nextSync, duration, partEnds);
        if (partEnds || next != null) {
            closePart(nextTicks, next);
        }
    }

    /**
     * The grid's segment start that a sample at {@code ticks} opens, or null when the open segment
     * goes on. Where the sample ends a part, the cutting rule may add a start to the grid (a
     * keyframe, or any part boundary for audio-only) if this rendition is the furthest ahead.
     */
    private SegmentGrid.Start nextSegment(long ticks, boolean sync, long duration, boolean partEnds) {
        boolean keyframe = tracks.hasVideo() ? sync : partEnds;
        SegmentGrid.Start at = grid.at(toGrid(ticks), toGridDuration(tolerance(tracks.hasVideo() && sync, duration)), keyframe,
                partEnds, mayExtendGrid());
        return at != null && at.msn() > openMsn ? at : null;
    }

    /** Where the open part should end: the first grid point of the segment at least half a part after its start. */
    private long nominalPartEnd() {
        long fromStart = leadRunStart + partTarget / 2 - segmentStart;
        return segmentStart + Math.floorDiv(fromStart + partTarget - 1, partTarget) * partTarget;
    }

    /** How far from a grid point a sample still counts as at it: keyframes 20 ms, others under half a sample. */
    private long tolerance(boolean keyframe, long sampleDuration) {
        long max = millisToLead(MAX_TOLERANCE_MS);
        return keyframe ? max : Math.min(max, sampleDuration * 2 / 5);
    }

    /** Audio-only renditions follow video ones where the broadcast has any (their frames are all sync). */
    private boolean mayExtendGrid() {
        return tracks.hasVideo() || !grid.videoLeads();
    }

    private long millisToLead(long millis) {
        return millis * leadTimescale / 1000;
    }

    /** A lead sample's decode time as a grid time (presentation, 90 kHz). */
    private long toGrid(long leadTicks) {
        long presentation = leadTicks + presentationDelay;
        return leadTimescale == VideoTrack.TIMESCALE ? presentation
                : Math.floorDiv(presentation * VideoTrack.TIMESCALE, leadTimescale);
    }

    private long toGridDuration(long leadTicks) {
        return Math.floorDiv(leadTicks * VideoTrack.TIMESCALE, leadTimescale);
    }

    /** A grid time as this rendition's decode time (lead ticks). */
    private long fromGrid(long gridTicks) {
        long presentation = leadTimescale == VideoTrack.TIMESCALE ? gridTicks
                : Math.floorDiv(gridTicks * leadTimescale, VideoTrack.TIMESCALE);
        return presentation - presentationDelay;
    }

    /** Publishes the open part; with {@code next}, also ends the segment and opens the next one. */
    private void closePart(long endTicks, SegmentGrid.Start next) {
        List<TrackRun> runs = new ArrayList<>(2);
        runs.add(new TrackRun(tracks.hasVideo() ? tracks.videoTrackId() : tracks.audioTrackId(), leadRunStart,
                leadRun, tracks.hasVideo()));
        if (tracks.muxed()) {
            long audioEnd = endTicks == Long.MAX_VALUE ? Long.MAX_VALUE
                    : Math.floorDiv(endTicks * tracks.audio().timescale(), VideoTrack.TIMESCALE);
            List<AudioQueue.Timed> frames = audio.takeBefore(audioEnd);
            if (!frames.isEmpty()) {
                runs.add(new TrackRun(tracks.audioTrackId(), frames.get(0).ticks(),
                        frames.stream().map(AudioQueue.Timed::sample).toList(), false));
            }
        }
        byte[] fragment = FragmentWriter.write(fragmentSequence++, segmentTicks == 0, runs);
        sink.part(openMsn, fragment, leadRunStart + presentationDelay, partTicks, leadTimescale, partIndependent);
        parts++;
        segmentTicks += partTicks;
        leadRun.clear();
        partTicks = 0;
        if (next != null) {
            sink.endSegment();
            segments++;
            segmentTicks = 0;
            openMsn++;          // numbers stay contiguous; one behind the grid catches up at the next sample
            segmentStart = next.msn() == openMsn ? fromGrid(next.ticks()) : endTicks;
        }
    }

    private static FragmentSample videoSample(VideoSample s, long duration) {
        return new FragmentSample((int) duration, s.compositionOffset(), s.keyframe(), s.avcc());
    }
}
