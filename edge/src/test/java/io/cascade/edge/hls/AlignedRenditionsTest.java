// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.NtpTime;
import io.cascade.edge.cmaf.Boxes;
import io.cascade.edge.relay.RenditionClock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Renditions reach the packager through a {@link RenditionClock} with RTP timestamps in their
 * own random spaces (as a relay subscription has them) and the publisher's sender reports,
 * translated: the same content must come out with the same decode times in every rendition, and
 * audio exactly where the publisher put it. Synthetic samples; the manual clock of {@link Synthetic}.
 */
class AlignedRenditionsTest {
    /** The publisher's NTP time of video frame 0 and audio frame 0 (the program's start). */
    private static final long START_NTP = NtpTime.ofSeconds(3_990_000_000L);
    private static final int FRAME = 3000;          // 30 fps at 90 kHz
    private static final int AUDIO_FRAME = 1024;    // AAC at 48 kHz
    private static final int GOP = 30;

    private final SplittableRandom random = new SplittableRandom(7);

    /** One relay subscription's view of the broadcast: its own random offsets on both tracks. */
    private final class Subscription {
        final RenditionClock clock;
        final int videoOffset = random.nextInt();
        final int audioOffset = random.nextInt();

        Subscription(HlsRendition r) {
            clock = new RenditionClock(r, true, 48_000);
        }

        /** The SRs the relay would send, anchored at video frame {@code v} and audio frame {@code a}. */
        void reports(int v, int a) {
            clock.videoSenderReport(START_NTP + NtpTime.duration((long) v * FRAME, 90_000), videoOffset + v * FRAME);
            clock.audioSenderReport(START_NTP + NtpTime.duration((long) a * AUDIO_FRAME, 48_000), audioOffset + a * AUDIO_FRAME);
        }

        /** Video frames [from, to) with the audio frames that start before each, in time order. */
        void play(int from, int to) {
            int a = (int) ((long) from * FRAME * 48_000 / 90_000 / AUDIO_FRAME);
            for (int v = from; v < to; v++) {
                long nanos = (long) v * FRAME * 1_000_000_000L / 90_000;
                while ((long) a * AUDIO_FRAME * 90_000 < (long) v * FRAME * 48_000) {
                    clock.audio(audioOffset + a * AUDIO_FRAME, new byte[20], nanos);
                    a++;
                }
                clock.video(videoOffset + v * FRAME, v % GOP == 0, new byte[100], nanos);
            }
        }
    }

    @Test
    void twoRenditionsInDifferentTimestampSpacesComeOutWithTheSameDecodeTimesAndAudioInPlace() {
        HlsBroadcast broadcast = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b");
        HlsRendition high = broadcast.rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        HlsRendition low = broadcast.rendition("360p", Synthetic.VIDEO, Synthetic.AAC);
        Subscription a = new Subscription(high);
        Subscription b = new Subscription(low);
        a.play(0, 3);                 // the first samples wait for the SRs
        a.reports(2, 5);
        a.play(3, 150);
        b.reports(40, 100);           // another subscription, anchored elsewhere, joining later
        b.play(45, 150);
        assertThat(a.clock.aligned()).isTrue();
        assertThat(b.clock.aligned()).isTrue();

        List<Part> highParts = Packaged.parts(high);
        List<Part> lowParts = Packaged.parts(low);
        // the later one starts at its first keyframe, frame 60: two seconds into the broadcast
        assertThat(tfdt(highParts.get(0), 0)).isZero();
        assertThat(tfdt(lowParts.get(0), 0)).isEqualTo(60L * FRAME);
        List<Long> highVideo = highParts.stream().map(p -> tfdt(p, 0)).toList();
        assertThat(lowParts).allSatisfy(p -> assertThat(highVideo).contains(tfdt(p, 0)));
        // audio frame k is at k * 1024 in both: the first audio frame at or after each start
        assertThat(firstAudioTfdt(highParts)).isZero();
        assertThat(firstAudioTfdt(lowParts)).isEqualTo(94L * AUDIO_FRAME); // 94 * 1024 / 48 kHz = 2.005 s
        assertThat(a.clock.drifts()).isZero();
    }

    @Test
    void aLaterReportThatMovesTheMappingIsCountedAndTheTimelineKeepsGoing() {
        HlsRendition r = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b")
                .rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        Subscription s = new Subscription(r);
        s.reports(0, 0);
        s.play(0, 40);
        s.clock.videoSenderReport(START_NTP + NtpTime.duration(45L * FRAME + 9000, 90_000), s.videoOffset + 45 * FRAME); // 100 ms off
        s.play(40, 70);
        assertThat(s.clock.drifts()).isEqualTo(1);
        List<Part> parts = Packaged.parts(r);
        long next = 0;
        for (Part p : parts) { // one frame after another: no gap, no overlap where the report came
            assertThat(tfdt(p, 0)).isEqualTo(next);
            next += p.durationTicks();
        }
        assertThat(next).isEqualTo(66L * FRAME); // eleven whole parts of six frames; the rest still open
    }

    @Test
    void withoutSenderReportsTheSamplesAreHeldTwoSecondsAndThenGoThroughAsTheyCome() {
        HlsRendition r = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b")
                .rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        Subscription s = new Subscription(r);
        s.play(0, 59);
        assertThat(r.counters().videoSamples()).isZero();       // 1.93 s: still waiting
        s.play(59, 90);
        assertThat(s.clock.aligned()).isFalse();
        assertThat(r.counters().videoSamples()).isEqualTo(90);
        s.reports(100, 100);                                     // too late: the mode does not change
        s.play(90, 91);
        assertThat(r.counters().videoSamples()).isEqualTo(91);
        assertThat(s.clock.aligned()).isFalse();
    }

    private static long tfdt(Part p, int traf) {
        return RenditionPackagerTest.tfdt(p, traf);
    }

    private static long firstAudioTfdt(List<Part> parts) {
        for (Part p : parts) {
            Boxes moof = Boxes.parse(p.bytes()).stream().filter(b -> b.type().equals("moof")).findFirst().orElseThrow();
            if (Boxes.all(moof.children(), "traf").size() == 2) {
                return tfdt(p, 1);
            }
        }
        throw new AssertionError("no audio in any part");
    }
}
