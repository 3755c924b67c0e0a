// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RtpMediaClockTest {
    private final AtomicLong now = new AtomicLong(7_000_000);
    private final RtpMediaClock clock = new RtpMediaClock(now::get);

    @Test
    void aTracksTimeRunsOnItsOwnClockFromItsFirstPacket() {
        RtpMediaClock.Track video = clock.track(90_000);
        assertThat(video.millis(123_456)).isEqualTo(RtpMediaClock.START_MS);
        now.addAndGet(500); // arrival time after the first packet does not move the timeline
        assertThat(video.millis(123_456 + 3000)).isEqualTo(RtpMediaClock.START_MS + 33);
        assertThat(video.micros(123_456 + 90_000)).isEqualTo(RtpMediaClock.START_MS * 1000 + 1_000_000);
    }

    @Test
    void theWrapOfThe32BitTimestampIsInvisible() {
        RtpMediaClock.Track video = clock.track(90_000);
        int beforeWrap = (int) 0xFFFF_FF00L;
        long first = video.millis(beforeWrap);
        assertThat(video.millis(beforeWrap + 3000)).isEqualTo(first + 33); // wrapped past 0
        assertThat(beforeWrap + 3000).isBetween(0, 3000);
        assertThat(video.millis(beforeWrap + 6000)).isEqualTo(first + 66);
    }

    @Test
    void aReorderedPacketLandsBeforeItsSuccessorEvenAcrossTheWrap() {
        RtpMediaClock.Track audio = clock.track(48_000);
        int t = (int) 0xFFFF_FE00L;
        long first = audio.millis(t);
        long third = audio.millis(t + 1920); // after the wrap
        long second = audio.millis(t + 960); // late, from before the wrap
        assertThat(second).isEqualTo(first + 20);
        assertThat(third).isEqualTo(first + 40);
    }

    @Test
    void tracksShareOneTimelineAnchoredOnTheirFirstArrivals() {
        RtpMediaClock.Track audio = clock.track(48_000);
        RtpMediaClock.Track video = clock.track(90_000);
        assertThat(audio.millis(999)).isEqualTo(RtpMediaClock.START_MS);
        now.addAndGet(40); // video's first packet arrives 40 ms after audio's, with an unrelated RTP origin
        assertThat(video.millis(-5)).isEqualTo(RtpMediaClock.START_MS + 40);
        now.addAndGet(60);
        // 100 ms after audio started, both say so, whatever their RTP origins
        assertThat(audio.millis(999 + 4800)).isEqualTo(RtpMediaClock.START_MS + 100);
        assertThat(video.millis(-5 + 5400)).isEqualTo(RtpMediaClock.START_MS + 100);
    }
}
