// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.rtcp.NtpTime;
import io.cascade.distribution.rtp.RtpTimestampExtender;

/**
 * The one NTP clock of a transcode job, shared by every rendition and by video and audio, for
 * the sender reports its rendition streams carry ({@link RenditionReports}). The job's video
 * timestamps (microseconds from the program's 90 kHz RTP clock) and audio timestamps (from the
 * program's 48 kHz clock) have different origins: the relay gives the job's program subscription
 * a random offset per track. So:
 * <ul>
 *   <li>video: NTP = {@code base} + the sample's 90 kHz timestamp, where {@code base} is the wall
 *       clock at the first program picture less its media time, in whole seconds (so that a
 *       timestamp's ticks convert to NTP and back exactly, in any clock rate);</li>
 *   <li>audio: NTP = {@code base} + {@code d} + the sample's 48 kHz timestamp, where {@code d}
 *       (video time minus audio time at one instant) comes from the program's own sender reports
 *       (the origin's, translated by the relay: exact) when both came before the first audio
 *       output, or else from the first arrivals of program video and audio (off by the
 *       difference of their latencies, once; every rendition shares the error).</li>
 * </ul>
 * Fixed once, never moved, so every SR of the job agrees with every other. Thread-safe: the
 * program tap's thread feeds it, encoder threads read it.
 */
final class JobClock {
    /** No mapping yet: send no SR for this sample. */
    static final long NONE = Long.MIN_VALUE;

    private long base = NONE;
    private long lastVideo = NONE;
    private long lastAudio = NONE;
    private long firstVideoMicros;
    private long firstVideoWallMicros;
    private long firstAudioMicros = NONE;
    private long firstAudioWallMicros;
    private long videoSrNtp;
    private int videoSrRtp;
    private boolean videoSr;
    private long audioSrNtp;
    private int audioSrRtp;
    private boolean audioSr;
    /** Video minus audio microseconds at one instant; NONE until fixed. */
    private long audioToVideo = NONE;
    private boolean fromReports;

    /** A program picture arrived: its extended 90 kHz timestamp, its microseconds, the wall clock. */
    synchronized void programVideo(long ts90k, long micros, long wallMicros) {
        lastVideo = ts90k;
        if (base == NONE) {
            firstVideoMicros = micros;
            firstVideoWallMicros = wallMicros;
            base = NtpTime.ofSeconds(Math.floorDiv(wallMicros - micros, 1_000_000) + NtpTime.UNIX_OFFSET_SECONDS);
        }
    }

    /** A program audio frame arrived: its extended 48 kHz timestamp, its microseconds, the wall clock. */
    synchronized void programAudio(long ts48k, long micros, long wallMicros) {
        lastAudio = ts48k;
        if (firstAudioMicros == NONE) {
            firstAudioMicros = micros;
            firstAudioWallMicros = wallMicros;
        }
    }

    /** A sender report the relay passed on for the program's track 0 (video) or 1 (audio). */
    synchronized void programReport(int track, long ntp, int rtp) {
        if (track == 0) {
            videoSrNtp = ntp;
            videoSrRtp = rtp;
            videoSr = true;
        } else if (track == 1) {
            audioSrNtp = ntp;
            audioSrRtp = rtp;
            audioSr = true;
        }
    }

    /** The NTP time of a rendition's video timestamp (90 kHz, not truncated), or {@link #NONE}. */
    synchronized long videoNtp(long ts90k) {
        return base == NONE ? NONE : base + NtpTime.duration(ts90k, 90_000);
    }

    /** The NTP time of a rendition's audio timestamp (48 kHz, not truncated), or {@link #NONE}. */
    synchronized long audioNtp(long ts48k) {
        if (audioToVideo == NONE && !fixAudio()) {
            return NONE;
        }
        return base + NtpTime.duration(audioToVideo, 1_000_000) + NtpTime.duration(ts48k, 48_000);
    }

    /** Whether audio was put on the video's clock by the program's sender reports (not by arrival). */
    synchronized boolean audioFromReports() {
        return fromReports;
    }

    private boolean fixAudio() {
        if (base == NONE || firstAudioMicros == NONE) {
            return false;
        }
        if (videoSr && audioSr) {
            long v = RtpTimestampExtender.near(lastVideo, videoSrRtp) * 100 / 9;
            long u = RtpTimestampExtender.near(lastAudio, audioSrRtp) * 1000 / 48;
            long epoch = NtpTime.seconds(videoSrNtp);
            long apart = NtpTime.ticksSince(audioSrNtp, epoch, 1_000_000) - NtpTime.ticksSince(videoSrNtp, epoch, 1_000_000);
            audioToVideo = v - u + apart;
            fromReports = true;
        } else {
            audioToVideo = firstVideoMicros + (firstAudioWallMicros - firstVideoWallMicros) - firstAudioMicros;
        }
        return true;
    }
}
