// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.tap.RtpTapPublisher;
import io.cascade.distribution.tap.SenderReportSchedule;

/**
 * The sender reports of one rendition stream (video, AAC, Opus), on the job's {@link JobClock}:
 * one before a track's first packet and then about once a second, each mapping the sample about
 * to go out to its NTP time. With every rendition doing the same on one clock, the edge puts
 * all of them, video and audio, on one timeline (RFC 3550 §6.4.1). Called under the rendition's
 * lock, like its packetizers.
 */
final class RenditionReports {
    private final JobClock clock;
    private final SenderReportSchedule video;
    private final SenderReportSchedule aac;
    private final SenderReportSchedule opus;

    RenditionReports(JobClock clock, RtpTapPublisher tap, int videoSsrc, int aacSsrc, int opusSsrc) {
        this.clock = clock;
        this.video = new SenderReportSchedule(tap, videoSsrc);
        this.aac = new SenderReportSchedule(tap, aacSsrc);
        this.opus = new SenderReportSchedule(tap, opusSsrc);
    }

    /** Before a picture's packets: {@code ptsMicros} becomes RTP {@code ptsMicros * 9 / 100} (90 kHz). */
    void beforeVideo(long ptsMicros) {
        long ts = ptsMicros * 9 / 100;
        long ntp = clock.videoNtp(ts);
        if (ntp != JobClock.NONE) {
            video.beforeSample(ntp, (int) ts, System.nanoTime());
        }
    }

    /** Before an audio frame's packets: {@code ptsMicros} becomes RTP {@code ptsMicros * 48 / 1000} (48 kHz). */
    void beforeAudio(boolean isAac, long ptsMicros) {
        long ts = ptsMicros * 48 / 1000;
        long ntp = clock.audioNtp(ts);
        if (ntp != JobClock.NONE) {
            (isAac ? aac : opus).beforeSample(ntp, (int) ts, System.nanoTime());
        }
    }

    void sentVideo(byte[] packet) {
        video.sent(packet);
    }

    void sentAudio(boolean isAac, byte[] packet) {
        (isAac ? aac : opus).sent(packet);
    }
}
