// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.edge.cmaf.Boxes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How samples are cut into parts and segments (timing only; no network, manual clock). */
class RenditionPackagerTest {
    private static final long PART_TARGET_90K = 18_000;

    private static HlsRendition rendition(HlsSettings settings, boolean audio) {
        return new HlsBroadcasts(settings, Synthetic.clock()).open("b")
                .rendition("r", Synthetic.VIDEO, audio ? Synthetic.AAC : null);
    }

    @Test
    void partsNeverExceedPartTargetAndEveryKeyframeStartsAnIndependentPart() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, true);
        new Synthetic(r, 3000, 30, 0).seconds(6.5);
        List<Part> parts = Packaged.parts(r);
        assertThat(parts).allSatisfy(p -> assertThat(p.durationTicks()).isBetween(1L, PART_TARGET_90K));
        // 30 fps, 200 ms parts: six frames each, five parts per one-second GOP
        assertThat(parts).allSatisfy(p -> assertThat(p.durationTicks()).isEqualTo(PART_TARGET_90K));
        assertThat(parts.stream().filter(Part::independent).count()).isEqualTo(7);   // keyframes at 0 to 6 s
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).independent()).as("part %d", i).isEqualTo(i % 5 == 0);
        }
    }

    @Test
    void ntscFrameRatesCutBeforeTheFrameThatWouldOverflow() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, false);
        new Synthetic(r, 3003, 60, 0).seconds(5);
        assertThat(Packaged.parts(r)).allSatisfy(p -> assertThat(p.durationTicks()).isLessThanOrEqualTo(PART_TARGET_90K));
        assertThat(Packaged.parts(r).get(0).durationTicks()).isEqualTo(5 * 3003);
    }

    @Test
    void segmentsEndAtTheFirstKeyframePastTargetMinusOnePart() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, true);
        new Synthetic(r, 3000, 30, 0).seconds(9);
        List<Segment> segments = r.timeline().snapshot().retained();
        assertThat(segments).hasSize(4);
        assertThat(segments).allSatisfy(s -> {
            assertThat(s.durationTicks()).isEqualTo(2 * 90_000);
            assertThat(s.independent()).isTrue();
        });
        assertThat(segments.get(1).msn()).isEqualTo(segments.get(0).msn() + 1);
    }

    @Test
    void aGopLongerThanTheTargetDurationIsCutAtAPartBoundaryBelowTargetPlusHalfASecond() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, false);
        new Synthetic(r, 3000, 150, 0).seconds(12);      // a keyframe every 5 s, TARGETDURATION 2
        List<Segment> segments = r.timeline().snapshot().retained();
        assertThat(segments).allSatisfy(s -> assertThat(s.seconds()).isLessThan(2.5));
        assertThat(segments.get(0).independent()).isTrue();
        assertThat(segments.get(1).independent()).isFalse();
        assertThat(MediaPlaylistWriter.body(r.settings(), r.timeline().snapshot(), false))
                .doesNotContain("#EXT-X-INDEPENDENT-SEGMENTS");
    }

    @Test
    void aSourceGapIsNotStretchedOverAndTheNextPartKeepsItsRealDecodeTime() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, false);
        new Synthetic(r, 3000, 30, 0).frames(10).gap(20).frames(40);
        List<Part> parts = Packaged.parts(r);
        assertThat(parts).allSatisfy(p -> assertThat(p.durationTicks()).isLessThanOrEqualTo(PART_TARGET_90K));
        // frame 30 (after the gap) is a keyframe at 90000 ticks: its part's tfdt says so
        Part afterGap = parts.stream().filter(p -> tfdt(p, 0) == 90_000).findFirst().orElseThrow();
        assertThat(afterGap.independent()).isTrue();
    }

    @Test
    void audioOnlyRenditionsCutByDurationAndEveryPartIsIndependent() {
        HlsRendition r = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b")
                .rendition("audio", null, Synthetic.AAC);
        new Synthetic(r, 3000, 30, 0).audioSeconds(5);
        List<Part> parts = Packaged.parts(r);
        long target48k = 48_000 / 5;
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.timescale()).isEqualTo(48_000);
            assertThat(p.durationTicks()).isLessThanOrEqualTo(target48k);
            assertThat(p.independent()).isTrue();
        });
        assertThat(parts.get(0).durationTicks()).isEqualTo(9 * 1024);    // nine frames fit in 200 ms
        assertThat(r.timeline().snapshot().retained()).isNotEmpty();
    }

    @Test
    void muxedPartsCarryEveryAudioFrameOnceInTimeOrder() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, true);
        new Synthetic(r, 3000, 30, 0).seconds(4);
        r.close();
        long frames = 0;
        long next = 0;
        for (Part p : Packaged.parts(r)) {
            List<Boxes> trafs = Boxes.all(Boxes.parse(p.bytes()).stream().filter(b -> b.type().equals("moof"))
                    .findFirst().orElseThrow().children(), "traf");
            if (trafs.size() == 2) {
                assertThat(tfdt(p, 1)).isEqualTo(next);
                int count = trafs.get(1).find("trun").payload().getInt(4);
                frames += count;
                next += count * 1024L;
            }
        }
        assertThat(frames).isEqualTo(r.counters().audioSamples() - r.counters().droppedBeforeStart());
    }

    @Test
    void badTimingIsCountedNotThrown() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS, false);
        r.video(new io.cascade.edge.cmaf.VideoSample(0, 0, false, new byte[10]));        // before a keyframe
        r.video(new io.cascade.edge.cmaf.VideoSample(3000, 0, true, new byte[10]));
        r.video(new io.cascade.edge.cmaf.VideoSample(3000, 0, false, new byte[10]));     // same dts
        r.video(new io.cascade.edge.cmaf.VideoSample(1000, 0, false, new byte[10]));     // backwards
        r.video(new io.cascade.edge.cmaf.VideoSample(6000, 0, false, new byte[10]));
        assertThat(r.counters().droppedBeforeStart()).isEqualTo(1);
        assertThat(r.counters().droppedNonMonotonic()).isEqualTo(2);
    }

    @Test
    void renditionsOfABroadcastShareOneOriginAndALateOneStartsAtTheNextSegmentStart() {
        HlsBroadcast b = new HlsBroadcasts(HlsSettings.DEFAULTS, Synthetic.clock()).open("b");
        HlsRendition high = b.rendition("high", Synthetic.VIDEO, null);
        HlsRendition low = b.rendition("low", Synthetic.VIDEO, null);
        new Synthetic(high, 3000, 30, 900_000).frames(120);
        new Synthetic(low, 3000, 30, 900_000 + 90_000).frames(90);       // joins one second later
        assertThat(tfdt(Packaged.parts(high).get(0), 0)).isZero();
        // its keyframe at 1 s is inside high's first 2 s segment: it waits for the one at 2 s
        Part first = Packaged.parts(low).get(0);
        assertThat(tfdt(first, 0)).isEqualTo(180_000);
        assertThat(low.counters().droppedBeforeStart()).isEqualTo(30);
        TimelineSnapshot highNow = high.timeline().snapshot();        // its second segment is still open
        assertThat(first.msn()).isEqualTo(highNow.openMsn()).isEqualTo(highNow.retained().get(0).msn() + 1);
        assertThat(tfdt(highNow.openParts().get(0), 0)).isEqualTo(180_000);
    }

    @Test
    void partTargetIsConfigurable() {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withPartTarget(Duration.ofMillis(333)), false);
        new Synthetic(r, 3000, 60, 0).seconds(4);
        // 333 ms = 29970 ticks: nine 3000-tick frames fit, ten would not
        assertThat(Packaged.parts(r).get(0).durationTicks()).isEqualTo(27_000);
    }

    /** baseMediaDecodeTime of the n-th traf of a part. */
    static long tfdt(Part p, int traf) {
        Boxes moof = Boxes.parse(p.bytes()).stream().filter(b -> b.type().equals("moof")).findFirst().orElseThrow();
        return Boxes.all(moof.children(), "traf").get(traf).find("tfdt").payload().getLong(4);
    }
}
