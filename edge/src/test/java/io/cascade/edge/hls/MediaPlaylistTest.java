// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Media playlist semantics with a manual clock and no network (RFC 8216bis §4.4, §6.2.2, §6.2.5.1). */
class MediaPlaylistTest {

    private static HlsBroadcast broadcast(HlsSettings settings) {
        return new HlsBroadcasts(settings, Synthetic.clock()).open("b1");
    }

    private static String playlist(HlsBroadcast b, HlsRendition r, boolean delta) {
        TimelineSnapshot s = r.timeline().snapshot();
        return r.body(s, delta) + MediaPlaylistWriter.tail(b.reportsExcept(r), s.ended());
    }

    private static List<String> lines(String playlist, String prefix) {
        return playlist.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void headerAdvertisesLowLatencyAttributesFromTheSettings() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        new Synthetic(r, 3000, 30, 0).seconds(3);
        String p = playlist(b, r, false);
        long firstMsn = Synthetic.START.getEpochSecond();
        assertThat(p).startsWith("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=12.000,PART-HOLD-BACK=0.600,HOLD-BACK=6.000\n"
                + "#EXT-X-PART-INF:PART-TARGET=0.200\n#EXT-X-MEDIA-SEQUENCE:" + firstMsn + "\n"
                + "#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T10:00:00.000Z\n"
                + "#EXT-X-PART:DURATION=0.20000,URI=\"p" + firstMsn * 100 + ".m4s\",INDEPENDENT=YES\n"
                + "#EXT-X-PART:DURATION=0.20000,URI=\"p" + (firstMsn * 100 + 1) + ".m4s\"\n");
        assertThat(lines(p, "#EXTINF:")).containsExactly("#EXTINF:2.000,");
        assertThat(lines(p, "s")).containsExactly("s" + firstMsn + ".m4s");
        assertThat(p).doesNotContain("#EXT-X-ENDLIST");
    }

    @Test
    void everyPartIsAtMostPartTargetAndIndependentOnlyWhereAKeyframeStartsIt() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3003, 45, 0).seconds(5);
        for (String part : lines(playlist(b, r, false), "#EXT-X-PART:")) {
            double duration = Double.parseDouble(part.replaceAll(".*DURATION=([0-9.]+),.*", "$1"));
            assertThat(duration).isLessThanOrEqualTo(0.2);
        }
        long independent = lines(playlist(b, r, false), "#EXT-X-PART:").stream()
                .filter(l -> l.endsWith("INDEPENDENT=YES")).count();
        long keyframeParts = Packaged.parts(r).stream().filter(Part::independent).count();
        assertThat(independent).isEqualTo(keyframeParts).isPositive();
    }

    @Test
    void preloadHintNamesThePartThatIsPublishedNext() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        Synthetic feed = new Synthetic(r, 3000, 30, 0);
        for (int i = 0; i < 40; i++) {
            String hint = lines(playlist(b, r, false), "#EXT-X-PRELOAD-HINT:").get(0);
            int parts = Packaged.parts(r).size();
            while (Packaged.parts(r).size() == parts) {
                feed.frames(1);
            }
            // the next part gets the hinted name even when it starts a new segment
            assertThat(hint).isEqualTo("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"" + Packaged.parts(r).get(parts).uri() + "\"");
        }
    }

    @Test
    void partTagsAreListedOnlyForTheLastThreeTargetDurations() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3000, 30, 0).seconds(12.5);
        String p = playlist(b, r, false);
        // complete segments end at 12 s: parts of those ending within 6 s of the end, plus the open one
        List<Segment> listed = r.timeline().snapshot().listed();
        assertThat(listed).hasSize(6);
        assertThat(p).doesNotContain(listed.get(2).parts().get(0).uri());
        assertThat(p).contains(listed.get(3).parts().get(0).uri());
        assertThat(p).contains(r.timeline().snapshot().openParts().get(0).uri());
    }

    @Test
    void theLiveWindowSlidesAndRemovedSegmentsStayDownloadableForAnotherWindow() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3000, 30, 0).seconds(40.1);
        TimelineSnapshot s = r.timeline().snapshot();
        long first = Synthetic.START.getEpochSecond();
        assertThat(s.openMsn()).isEqualTo(first + 20);
        assertThat(s.listed()).extracting(Segment::msn).containsExactly(first + 14, first + 15, first + 16,
                first + 17, first + 18, first + 19);
        assertThat(playlist(b, r, false)).contains("#EXT-X-MEDIA-SEQUENCE:" + (first + 14) + "\n");
        assertThat(s.segment(first + 8)).isNotNull();             // off the playlist, still served
        assertThat(s.segment(first + 7)).isNull();                // gone
        assertThat(s.part(s.segment(first + 8).parts().get(0).sequence())).isNotNull();
        assertThat(s.part(first * 100)).isNull();
    }

    @Test
    void programDateTimesFollowMediaTimeFromTheClockAtTheFirstSample() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS.withLiveWindowSegments(10));
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3000, 30, 0).seconds(16.5);
        List<Instant> dates = new ArrayList<>();
        for (String l : lines(playlist(b, r, false), "#EXT-X-PROGRAM-DATE-TIME:")) {
            dates.add(Instant.parse(l.substring(l.indexOf(':') + 1)));
        }
        assertThat(dates).hasSize(9);
        for (int i = 0; i < dates.size(); i++) {
            assertThat(dates.get(i)).isEqualTo(Synthetic.START.plusSeconds(2L * i));
        }
    }

    @Test
    void deltaUpdateSkipsSegmentsBeyondTheSkipBoundary() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS.withDvrWindow(Duration.ofSeconds(60)));
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3000, 30, 0).seconds(40.1);
        String full = playlist(b, r, false);
        String delta = playlist(b, r, true);
        assertThat(lines(full, "#EXTINF:")).hasSize(20);
        assertThat(full).doesNotContain("#EXT-X-SKIP");
        // 20 segments of 2 s; CAN-SKIP-UNTIL 12 s: segments whose end is more than 12 s before the end go
        assertThat(lines(delta, "#EXT-X-SKIP:")).containsExactly("#EXT-X-SKIP:SKIPPED-SEGMENTS=13");
        assertThat(lines(delta, "#EXTINF:")).hasSize(7);
        long first = Synthetic.START.getEpochSecond();
        assertThat(delta).contains("#EXT-X-MEDIA-SEQUENCE:" + first + "\n").doesNotContain("s" + (first + 12) + ".m4s")
                .contains("s" + (first + 13) + ".m4s");
        assertThat(delta.indexOf("#EXT-X-SKIP")).isLessThan(delta.indexOf("#EXT-X-PROGRAM-DATE-TIME"));
    }

    @Test
    void renditionReportsNameTheOtherRenditionsLastPart() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition high = b.rendition("720p", Synthetic.VIDEO, null);
        HlsRendition low = b.rendition("360p", Synthetic.VIDEO, null);
        HlsRendition audio = b.rendition("audio", null, Synthetic.AAC);
        new Synthetic(high, 3000, 30, 0).seconds(3);
        new Synthetic(low, 3000, 30, 0).seconds(2.5);
        Part last = Packaged.parts(low).get(Packaged.parts(low).size() - 1);
        String p = playlist(b, high, false);
        assertThat(lines(p, "#EXT-X-RENDITION-REPORT:")).containsExactly("#EXT-X-RENDITION-REPORT:URI=\"../360p/index.m3u8\","
                + "LAST-MSN=" + last.msn() + ",LAST-PART=" + last.index());
        assertThat(audio.timeline().snapshot().lastPart()).isNull();   // nothing to report yet
    }

    @Test
    void closingEndsThePlaylist() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS);
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        new Synthetic(r, 3000, 30, 0).seconds(3.5);
        r.close();
        String p = playlist(b, r, true);
        assertThat(p).endsWith("#EXT-X-ENDLIST\n").doesNotContain("PRELOAD-HINT").doesNotContain("#EXT-X-SKIP");
        assertThat(lines(p, "#EXTINF:")).containsExactly("#EXTINF:2.000,", "#EXTINF:1.500,");
    }

    @Test
    void memoryIsBoundedPerRendition() {
        HlsBroadcast b = broadcast(HlsSettings.DEFAULTS.withMaxBytesPerRendition(1L << 20));
        HlsRendition r = b.rendition("720p", Synthetic.VIDEO, null);
        new Synthetic(r, 3000, 30, 0).payloadBytes(2000).seconds(60.1);   // 60 kB/s, 120 kB per segment
        TimelineSnapshot s = r.timeline().snapshot();
        long bytes = s.retained().stream().mapToLong(Segment::bytes).sum();
        assertThat(bytes).isLessThanOrEqualTo(1L << 20);
        assertThat(s.listed()).hasSize(6);
        assertThat(s.retained().size()).isLessThan(12);
    }
}
