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
 * Cuts one rendition's samples into parts and segments.
 *
 * <p>The lead track (video when present, else audio) decides every cut. A sample's duration is the
 * distance to the next sample, so each sample is appended once its successor arrives. Rules:
 * <ol>
 *   <li>A part never exceeds PART-TARGET (RFC 8216bis §4.4.3.7): before appending, a sample that
 *       would overflow the part closes it; a single sample longer than PART-TARGET (a gap in the
 *       source) is shortened to PART-TARGET, and the next part's {@code tfdt} restores the timeline.</li>
 *   <li>A part closes as soon as one more sample of the same duration would overflow it, so a part
 *       is published without waiting for the sample after it.</li>
 *   <li>A keyframe always starts a new part (INDEPENDENT=YES).</li>
 *   <li>A segment ends before a keyframe once it is at least segmentTarget - partTarget long. If the
 *       GOP is longer, the segment waits for the keyframe, but only up to just under
 *       TARGETDURATION + 0.5 s (§6.2.1: EXTINF rounds to at most the target duration); then it
 *       ends at a part boundary and the next segment starts without a keyframe.</li>
 * </ol>
 * Muxed audio rides along: a part takes the queued audio frames that start before the part's end.
 * Not thread-safe; {@link HlsRendition} serializes calls.
 */
final class RenditionPackager {
    private static final int AUDIO_QUEUE_FRAMES = 2048;
    /** Audio that arrives before this rendition's first keyframe waits here (about 1 s of AAC). */
    private static final int EARLY_AUDIO_FRAMES = 64;

    private final CmafTracks tracks;
    private final BroadcastTimebase timebase;
    private final PartSink sink;
    private final int leadTimescale;
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
        this.leadTimescale = tracks.hasVideo() ? VideoTrack.TIMESCALE : tracks.audio().timescale();
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
        lead(lastVideoTicks, duration, videoSample(lastVideo, duration), ticks, s.keyframe(), s.keyframe());
        lastVideo = s;
        lastVideoTicks = ticks;
        lastVideoDuration = duration;
    }

    /** The rendition's first video sample: a keyframe at or after the broadcast's origin. */
    private void start(VideoSample s) {
        if (!s.keyframe()) {
            droppedBeforeStart++;
            return;
        }
        long ticks = s.dts() - timebase.start(s.dts()).ticks90k();
        if (ticks < 0) {
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

    private void lead(long ticks, long duration, FragmentSample sample, long nextTicks, boolean nextSync,
            boolean nextForcesPart) {
        if (!leadRun.isEmpty() && partTicks + duration > partTarget) {
            closePart(ticks, sample.sync());
        }
        if (leadRun.isEmpty()) {
            leadRunStart = ticks;
            partIndependent = sample.sync();
        }
        leadRun.add(sample);
        partTicks += duration;
        if (nextForcesPart || partTicks + duration > partTarget) {
            closePart(nextTicks, nextSync);
        }
    }

    private void closePart(long endTicks, boolean nextSync) {
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
        sink.part(fragment, leadRunStart, partTicks, leadTimescale, partIndependent);
        parts++;
        segmentTicks += partTicks;
        leadRun.clear();
        partTicks = 0;
        if ((nextSync && segmentTicks >= minSegment) || segmentTicks + partTarget > maxSegment) {
            sink.endSegment();
            segments++;
            segmentTicks = 0;
        }
    }

    private static FragmentSample videoSample(VideoSample s, long duration) {
        return new FragmentSample((int) duration, s.compositionOffset(), s.keyframe(), s.avcc());
    }
}
