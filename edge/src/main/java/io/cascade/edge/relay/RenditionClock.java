// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.relay;

import io.cascade.distribution.rtp.RtpTimestampExtender;
import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.VideoSample;
import io.cascade.edge.cmaf.VideoTrack;
import io.cascade.edge.hls.HlsRendition;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts one rendition's samples on the broadcast's shared timeline before they reach the
 * packager. The relay gives every subscription its own random RTP timestamp space per track
 * (RFC 3550 §5.1), so neither the renditions nor a rendition's video and audio share an origin
 * by their timestamps; what they share is the publisher's NTP clock, which the relay's sender
 * reports carry through (translated, RFC 3550 §7.2). Each track's timestamps are mapped with
 * its first SR ({@link SenderClock}): video to 90 kHz, audio to its own rate, both counted from
 * one epoch, so the broadcast timebase's single origin is right for every rendition and audio
 * sits exactly where the publisher put it.
 *
 * <p>Until the first SRs came (video's, and audio's if the rendition has audio), samples are held,
 * at most {@link #HOLD_NANOS} or {@link #HOLD_SAMPLES}: a relay sends one within a tick of a
 * subscriber's first packet when it has the publisher's. Then, with a log line, it falls back:
 * without a video SR the timestamps go through as they are (this rendition will not line up
 * with the others); without an audio SR audio is placed by arrival, once, where video stands at
 * that moment (off by the difference of the two paths' latencies). A mode is never changed
 * later, so the timeline has no jumps. Not thread-safe: the tap's thread calls it.
 */
public final class RenditionClock {
    private static final Logger LOG = Logger.getLogger(RenditionClock.class);
    static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final int HOLD_SAMPLES = 1024;

    private enum Mode { HOLDING, MAPPED, UNMAPPED }

    private record Held(boolean video, long ts, boolean keyframe, byte[] data, long nanos) {
    }

    private final HlsRendition rendition;
    private final boolean hasAudio;
    private final int audioRate;
    private final RtpTimestampExtender videoTs = new RtpTimestampExtender();
    private final RtpTimestampExtender audioTs = new RtpTimestampExtender();
    private final SenderClock videoClock = new SenderClock(VideoTrack.TIMESCALE);
    private final SenderClock audioClock;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private Mode mode = Mode.HOLDING;
    private boolean audioBySr;
    private long holdingSince;
    private long lastVideoTicks = Long.MIN_VALUE;
    private long lastVideoNanos;
    /** Audio by arrival: added to audio timestamps to put them on the video's timeline; unknown until video came. */
    private long audioShift = Long.MIN_VALUE;
    private long driftsLogged;

    /** @param audioRate the audio track's RTP clock rate, also its packaging timescale; ignored without audio */
    public RenditionClock(HlsRendition rendition, boolean hasAudio, int audioRate) {
        this.rendition = rendition;
        this.hasAudio = hasAudio;
        this.audioRate = audioRate;
        this.audioClock = new SenderClock(audioRate);
    }

    public void videoSenderReport(long ntp, int rtpTimestamp) {
        report(videoClock, ntp, videoTs.extend(rtpTimestamp), "video");
    }

    public void audioSenderReport(long ntp, int rtpTimestamp) {
        if (hasAudio) {
            report(audioClock, ntp, audioTs.extend(rtpTimestamp), "audio");
        }
    }

    private void report(SenderClock clock, long ntp, long extendedRtp, String kind) {
        long drifts = clock.drifts();
        if (!clock.report(ntp, extendedRtp)) {
            LOG.warnf("rendition %s: %s sender report with NTP seconds %d far from the others: ignored",
                    rendition.name(), kind, ntp >>> 32);
            return;
        }
        if (clock.drifts() > drifts && driftsLogged++ % 100 == 0) {
            LOG.warnf("rendition %s: %s sender report disagrees with the first by %d ticks (%d such); keeping the first",
                    rendition.name(), kind, clock.lastDrift(), clock.drifts());
        }
        if (mode == Mode.HOLDING && videoClock.mapped() && (!hasAudio || audioClock.mapped())) {
            release(Mode.MAPPED);
        }
    }

    /** A video access unit: its RTP timestamp, and the AVCC sample. */
    public void video(int rtpTimestamp, boolean keyframe, byte[] avcc, long nowNanos) {
        long ts = videoTs.extend(rtpTimestamp);
        if (hold(new Held(true, ts, keyframe, avcc, nowNanos))) {
            return;
        }
        deliverVideo(ts, keyframe, avcc, nowNanos);
    }

    /** An audio access unit: its RTP timestamp and raw frame. */
    public void audio(int rtpTimestamp, byte[] frame, long nowNanos) {
        long ts = audioTs.extend(rtpTimestamp);
        if (hold(new Held(false, ts, false, frame, nowNanos))) {
            return;
        }
        deliverAudio(ts, frame, nowNanos);
    }

    /** Whether the sample was held (no SRs yet and the hold not over). */
    private boolean hold(Held h) {
        if (mode != Mode.HOLDING) {
            return false;
        }
        if (held.isEmpty()) {
            holdingSince = h.nanos();
        }
        held.addLast(h);
        if (h.nanos() - holdingSince >= HOLD_NANOS || held.size() >= HOLD_SAMPLES) {
            Mode next = videoClock.mapped() ? Mode.MAPPED : Mode.UNMAPPED;
            LOG.warnf("rendition %s: no %s sender report within %d ms of its first samples: %s", rendition.name(),
                    videoClock.mapped() ? "audio" : "video", TimeUnit.NANOSECONDS.toMillis(h.nanos() - holdingSince),
                    videoClock.mapped() ? "audio placed by arrival" : "timestamps used as they come (not aligned with other renditions)");
            release(next);
        }
        return true;
    }

    private void release(Mode next) {
        mode = next;
        audioBySr = next == Mode.MAPPED && hasAudio && audioClock.mapped();
        while (!held.isEmpty()) {
            Held h = held.removeFirst();
            if (h.video()) {
                deliverVideo(h.ts(), h.keyframe(), h.data(), h.nanos());
            } else {
                deliverAudio(h.ts(), h.data(), h.nanos());
            }
        }
    }

    private void deliverVideo(long ts, boolean keyframe, byte[] avcc, long nanos) {
        long ticks = mode == Mode.MAPPED ? videoClock.ticks(ts) : ts;
        lastVideoTicks = ticks;
        lastVideoNanos = nanos;
        rendition.video(new VideoSample(ticks, 0, keyframe, avcc));
    }

    /**
     * Audio on the SR's mapping, or by arrival: the first frame after video is placed where the
     * video timeline stands at that moment; audio before the first video is dropped (the packager
     * would drop it before the first keyframe anyway).
     */
    private void deliverAudio(long ts, byte[] frame, long nanos) {
        if (audioBySr) {
            rendition.audio(new AudioSample(audioClock.ticks(ts), frame));
            return;
        }
        if (audioShift == Long.MIN_VALUE) {
            if (lastVideoTicks == Long.MIN_VALUE) {
                return;
            }
            long videoNow = lastVideoTicks + (nanos - lastVideoNanos) * VideoTrack.TIMESCALE / 1_000_000_000L;
            audioShift = Math.floorDiv(videoNow * audioRate, VideoTrack.TIMESCALE) - ts;
        }
        rendition.audio(new AudioSample(ts + audioShift, frame));
    }

    /** Whether both tracks are on the publisher's clock (false while holding or after a fallback). */
    public boolean aligned() {
        return mode == Mode.MAPPED && (!hasAudio || audioBySr);
    }

    /** Sender reports that disagreed with the first mapping (video plus audio). */
    public long drifts() {
        return videoClock.drifts() + audioClock.drifts();
    }
}
