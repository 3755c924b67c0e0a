// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.NtpTime;
import org.junit.jupiter.api.Test;

/** The job's one NTP clock: video and audio of one instant get one NTP time, by the program's SRs or by arrival. */
class JobClockTest {
    /** The program subscription's random offsets (the relay's), and the origin's NTP time of program time 0. */
    private static final long VIDEO_OFFSET = 1_234_567_890L;
    private static final long AUDIO_OFFSET = 987_654_321L;
    private static final long ORIGIN_NTP = NtpTime.ofSeconds(3_990_000_000L);
    private static final long WALL = 1_790_000_000_000_000L;

    @Test
    void withTheProgramsSenderReportsVideoAndAudioOfOneInstantGetOneNtpTime() {
        JobClock clock = new JobClock();
        // the origin's SRs, translated by the relay: program second 10 on both tracks
        clock.programReport(0, ORIGIN_NTP + NtpTime.ofSeconds(10), (int) (VIDEO_OFFSET + 10 * 90_000));
        clock.programReport(1, ORIGIN_NTP + NtpTime.ofSeconds(10), (int) (AUDIO_OFFSET + 10 * 48_000));
        // program second 12 arrives, video first and audio 80 ms later (arrival would be off by 80 ms)
        long v = VIDEO_OFFSET + 12 * 90_000;
        long a = AUDIO_OFFSET + 12 * 48_000;
        clock.programVideo(v, v * 100 / 9, WALL);
        clock.programAudio(a, a * 1000 / 48, WALL + 80_000);
        // a rendition's picture and audio frame of program second 13, as the job timestamps them
        long videoNtp = clock.videoNtp((v + 90_000) * 100 / 9 * 9 / 100);
        long audioNtp = clock.audioNtp((a + 48_000) * 1000 / 48 * 48 / 1000);
        assertThat(clock.audioFromReports()).isTrue();
        // within the timestamps' own rounding: one 90 kHz tick plus one 48 kHz tick (32 µs), far below 80 ms
        assertThat(Math.abs(NtpTime.ticksSince(videoNtp, 0, 1_000_000) - NtpTime.ticksSince(audioNtp, 0, 1_000_000)))
                .isLessThanOrEqualTo(32);
    }

    @Test
    void withoutThemAudioIsPlacedByArrivalOnceAndTheMappingNeverMoves() {
        JobClock clock = new JobClock();
        assertThat(clock.videoNtp(0)).isEqualTo(JobClock.NONE);
        long v = VIDEO_OFFSET;
        long a = AUDIO_OFFSET;
        clock.programVideo(v, v * 100 / 9, WALL);
        assertThat(clock.audioNtp(a)).isEqualTo(JobClock.NONE); // no audio yet: no SR for it
        clock.programAudio(a, a * 1000 / 48, WALL + 20_000);    // 20 ms after the picture
        long audioNtp = clock.audioNtp(a);
        long videoNtp = clock.videoNtp(v);
        assertThat(clock.audioFromReports()).isFalse();
        assertThat(NtpTime.ticksSince(audioNtp, 0, 1000) - NtpTime.ticksSince(videoNtp, 0, 1000)).isEqualTo(20);
        clock.programReport(0, ORIGIN_NTP, 0); // too late to change anything
        clock.programReport(1, ORIGIN_NTP, 0);
        assertThat(clock.audioNtp(a)).isEqualTo(audioNtp);
        // whole-second base: a 90 kHz timestamp's ticks come back exactly from its NTP time
        assertThat(NtpTime.ticksSince(clock.videoNtp(v + 1), NtpTime.seconds(clock.videoNtp(0)), 90_000)
                - NtpTime.ticksSince(clock.videoNtp(0), NtpTime.seconds(clock.videoNtp(0)), 90_000)).isEqualTo(v + 1);
    }
}
