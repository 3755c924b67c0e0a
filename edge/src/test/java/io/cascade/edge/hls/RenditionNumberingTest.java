// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.VideoSample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segment N and part (N, k) mean the same media time in every rendition of a broadcast (what a
 * player switching renditions relies on): three renditions with keyframes at the same instants,
 * each a few milliseconds off the others and jittering by a tick, pushed in turns so that each
 * leads the shared grid at times; one joins late, one lacks a keyframe the others have.
 */
class RenditionNumberingTest {
    private static final int FRAME = 3000;                      // 30 fps at 90 kHz
    private static final int GOP = 30;                          // a keyframe every second
    private static final long TOLERANCE = 20 * 90;              // 20 ms
    private static final HlsSettings SETTINGS = HlsSettings.DEFAULTS.withSegmentTarget(Duration.ofSeconds(1))
            .withLiveWindowSegments(12);

    private final SplittableRandom random = new SplittableRandom(11);

    /** One rendition's source: frame {@code f} at {@code f * FRAME + offset} give or take a tick. */
    private final class Source {
        final HlsRendition rendition;
        final int offset;
        final int firstFrame;
        final int missingKeyframe;
        int next;
        long audioFrame;

        Source(HlsRendition rendition, int offset, int firstFrame, int missingKeyframe) {
            this.rendition = rendition;
            this.offset = offset;
            this.firstFrame = firstFrame;
            this.missingKeyframe = missingKeyframe;
            this.next = firstFrame;
        }

        void until(int frame) {
            for (; next < frame; next++) {
                long dts = 900_000L + (long) next * FRAME + offset + random.nextInt(-1, 2);
                while (rendition.tracks().hasAudio() && audioFrame * 1024 * 90_000 / 48_000 <= dts - 900_000) {
                    rendition.audio(new AudioSample(900_000L * 48_000 / 90_000 + audioFrame++ * 1024, new byte[20]));
                }
                boolean key = next % GOP == 0 && next != missingKeyframe;
                rendition.video(new VideoSample(dts, 0, key, new byte[100]));
            }
        }
    }

    /** 200 ms parts are six frames; 250 and 333 ms are not a whole number of frames. */
    @ParameterizedTest
    @ValueSource(ints = {200, 250, 333})
    void theSameNumberCoversTheSameTimeInEveryRenditionAndSoDoesEachPart(int partMillis) {
        HlsSettings settings = SETTINGS.withPartTarget(Duration.ofMillis(partMillis));
        HlsBroadcast b = new HlsBroadcasts(settings, Synthetic.clock()).open("b");
        Source a = new Source(b.rendition("720p", Synthetic.VIDEO, Synthetic.AAC), 0, 0, -1);
        Source c = new Source(b.rendition("480p", Synthetic.VIDEO, null), 270, 0, 150);     // +3 ms, no keyframe at 5 s
        Source late = new Source(b.rendition("360p", Synthetic.VIDEO, null), -180, 75, -1); // -2 ms, from 2.5 s
        List<Source> sources = new ArrayList<>(List.of(a, c, late));
        // turns of 7 frames, each in another order: 720p pushes first in the turn with frame 150
        for (int frame = 7; frame <= 300; frame += 7) {
            for (Source s : sources) {
                s.until(frame);
            }
            sources.add(sources.remove(0));
        }

        Map<Long, Segment> high = byMsn(a.rendition);
        Map<Long, Segment> mid = byMsn(c.rendition);
        Map<Long, Segment> low = byMsn(late.rendition);
        assertThat(high).hasSizeGreaterThan(8);
        long partTarget = partMillis * 90L;
        for (Segment seg : high.values()) {     // no part over PART-TARGET; none but the last far under it
            List<Part> parts = seg.parts();
            assertThat(parts).allSatisfy(p -> assertThat(p.durationTicks()).isLessThanOrEqualTo(partTarget));
            assertThat(parts.subList(0, parts.size() - 1))
                    .allSatisfy(p -> assertThat(p.durationTicks()).isGreaterThanOrEqualTo(partTarget * 85 / 100));
        }
        for (Map<Long, Segment> other : List.of(mid, low)) {
            assertThat(other).isNotEmpty();
            for (Map.Entry<Long, Segment> e : other.entrySet()) {
                Segment mine = high.get(e.getKey());
                assertThat(mine).as("segment %d", e.getKey()).isNotNull();
                assertAligned(mine, e.getValue());
            }
        }
        // every rendition numbers its segments without a hole
        for (Map<Long, Segment> segments : List.of(high, mid, low)) {
            List<Long> msns = segments.keySet().stream().sorted().toList();
            assertThat(msns.get(msns.size() - 1) - msns.get(0)).isEqualTo(msns.size() - 1);
        }
        // the late one starts at the segment that starts at its first keyframe (3 s), not after its siblings'
        long first = low.keySet().stream().min(Long::compare).orElseThrow();
        assertThat(Math.abs(start(high.get(first)) - 3 * 90_000L)).isLessThanOrEqualTo(2);
        assertThat(low.get(first).independent()).isTrue();
        // the one without the keyframe at 5 s still ends its segment there, under the same number
        Segment atFive = high.values().stream().filter(s -> Math.abs(start(s) - 5 * 90_000L) <= 2).findFirst().orElseThrow();
        assertThat(mid.get(atFive.msn()).independent()).isFalse();
        assertThat(Math.abs(start(mid.get(atFive.msn())) - 5 * 90_000L - 270)).isLessThanOrEqualTo(2);
        assertThat(MediaPlaylistWriter.body(settings, c.rendition.timeline().snapshot(), false))
                .doesNotContain("#EXT-X-INDEPENDENT-SEGMENTS");

        // rendition reports speak the same numbers: all three have pushed the same media
        String playlist = StandardCharsets.UTF_8.decode(a.rendition.playlist(a.rendition.timeline().snapshot(), false,
                b.reportsExcept(a.rendition))).toString();
        Part own = a.rendition.timeline().snapshot().lastPart();
        for (HlsRendition r : List.of(c.rendition, late.rendition)) {
            Part last = r.timeline().snapshot().lastPart();
            assertThat(last.msn()).isEqualTo(own.msn());
            assertThat(last.index()).isEqualTo(own.index());
            assertThat(playlist).contains("#EXT-X-RENDITION-REPORT:URI=\"../" + r.name() + "/index.m3u8\",LAST-MSN="
                    + own.msn() + ",LAST-PART=" + own.index() + "\n");
        }
    }

    @Test
    void partsOfAFrameRateThatDoesNotDivideThePartTargetAreCutTheSameWayInEverySegment() {
        HlsRendition r = new HlsBroadcasts(SETTINGS.withPartTarget(Duration.ofMillis(250)), Synthetic.clock()).open("b")
                .rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, FRAME, GOP, 0).seconds(4.5);
        assertThat(r.timeline().snapshot().retained()).hasSize(4).allSatisfy(seg -> assertThat(seg.parts())
                .extracting(Part::durationTicks).containsExactly(21_000L, 21_000L, 21_000L, 21_000L, 6_000L));
    }

    @Test
    void aRenditionWhoseSourceStopsCatchesUpWithItsSiblingsNumbers() {
        HlsBroadcast b = new HlsBroadcasts(SETTINGS, Synthetic.clock()).open("b");
        Source a = new Source(b.rendition("720p", Synthetic.VIDEO, null), 0, 0, -1);
        Source c = new Source(b.rendition("360p", Synthetic.VIDEO, null), 0, 0, -1);
        a.until(60);
        c.until(60);
        a.until(250);
        c.next = 150;                               // 360p lost 3 s (frames 60 to 149)
        c.until(250);
        Map<Long, Segment> high = byMsn(a.rendition);
        List<Segment> low = c.rendition.timeline().snapshot().retained();
        for (int i = 1; i < low.size(); i++) {
            assertThat(low.get(i).msn()).isEqualTo(low.get(i - 1).msn() + 1);
        }
        // at 5 s it resumes one number after its last (the 1 s segment), then one-frame segments
        // until it has the siblings' number for 5 s; from 6 s on each number starts where theirs does
        Segment atFive = low.stream().filter(s -> start(s) >= 5 * 90_000L).findFirst().orElseThrow();
        Segment highAtFive = high.values().stream().filter(s -> Math.abs(start(s) - 5 * 90_000L) <= 2).findFirst()
                .orElseThrow();
        long behind = highAtFive.msn() - atFive.msn();
        assertThat(behind).isEqualTo(3);           // 2, 3 and 4 s were lost
        assertThat(low.stream().filter(s -> s.durationTicks() <= FRAME + 1)).hasSize((int) behind);
        Segment atSix = low.stream().filter(s -> Math.abs(start(s) - 6 * 90_000L) <= 2).findFirst().orElseThrow();
        assertThat(start(high.get(atSix.msn())) - start(atSix)).isBetween(-2L, 2L);
        assertThat(atSix.msn()).isEqualTo(highAtFive.msn() + 1);
    }

    @Test
    void anAudioOnlyRenditionFollowsTheVideoGrid() {
        HlsBroadcast b = new HlsBroadcasts(SETTINGS, Synthetic.clock()).open("b");
        HlsRendition video = b.rendition("720p", Synthetic.VIDEO, null);
        HlsRendition audio = b.rendition("audio", null, Synthetic.AAC);
        Synthetic v = new Synthetic(video, FRAME, GOP, 0);
        Synthetic s = new Synthetic(audio, FRAME, GOP, 0);
        for (double t = 0.5; t <= 8; t += 0.5) {
            v.seconds(t);
            s.audioSeconds(t);
        }
        Map<Long, Segment> videoSegments = byMsn(video);
        Map<Long, Segment> audioSegments = byMsn(audio);
        assertThat(audioSegments).hasSizeGreaterThan(4);
        for (Segment seg : audioSegments.values()) {
            Segment other = videoSegments.get(seg.msn());
            assertThat(other).as("segment %d", seg.msn()).isNotNull();
            // an AAC frame is 21.3 ms: the audio segment starts at the first frame at the video's start
            long audioStart = RenditionPackagerTest.tfdt(seg.parts().get(0), 0) * 90_000 / 48_000;
            assertThat(audioStart - start(other)).isBetween(-TOLERANCE, TOLERANCE);
            assertThat(Duration.between(other.programDateTime(), seg.programDateTime()).abs())
                    .isLessThan(Duration.ofMillis(22));
        }
    }

    private static void assertAligned(Segment mine, Segment theirs) {
        assertThat(start(theirs) - start(mine)).as("start of segment %d", mine.msn()).isBetween(-TOLERANCE, TOLERANCE);
        Instant a = mine.programDateTime();
        Instant b = theirs.programDateTime();
        assertThat(Duration.between(a, b).abs()).as("program date of segment %d", mine.msn())
                .isLessThan(Duration.ofMillis(20));
        assertThat(theirs.parts()).as("parts of segment %d", mine.msn()).hasSize(mine.parts().size());
        for (int k = 0; k < mine.parts().size(); k++) {
            long d = RenditionPackagerTest.tfdt(theirs.parts().get(k), 0) - RenditionPackagerTest.tfdt(mine.parts().get(k), 0);
            assertThat(d).as("part %d of segment %d", k, mine.msn()).isBetween(-TOLERANCE, TOLERANCE);
            assertThat(theirs.parts().get(k).index()).isEqualTo(k);
        }
    }

    private static long start(Segment s) {
        return RenditionPackagerTest.tfdt(s.parts().get(0), 0);
    }

    private static Map<Long, Segment> byMsn(HlsRendition r) {
        Map<Long, Segment> out = new HashMap<>();
        r.timeline().snapshot().retained().forEach(s -> out.put(s.msn(), s));
        return out;
    }
}
