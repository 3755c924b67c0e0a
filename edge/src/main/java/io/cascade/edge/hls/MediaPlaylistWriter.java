// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.util.List;

/**
 * Renders a rendition's Media Playlist (RFC 8216bis §4.4) from a snapshot: a live playlist that
 * classic players read as EXTINF segments and LL-HLS players read as parts (EXT-X-PART, §4.4.4.9),
 * with blocking reload and delta updates advertised in EXT-X-SERVER-CONTROL (§4.4.3.8).
 */
final class MediaPlaylistWriter {
    /** §4.4.3.8: PART-HOLD-BACK at least 2x PART-TARGET; 3x as Apple recommends. */
    private static final int PART_HOLD_BACK_PARTS = 3;
    /** §4.4.3.8: HOLD-BACK at least 3x TARGETDURATION. */
    private static final int HOLD_BACK_TARGETS = 3;
    /** §4.4.3.8: CAN-SKIP-UNTIL at least 6x TARGETDURATION. */
    static final int SKIP_TARGETS = 6;
    /** §6.2.2: EXT-X-PART tags go once more than 3 target durations from the end. */
    private static final int PART_TAG_TARGETS = 3;

    private MediaPlaylistWriter() {
    }

    /**
     * Everything up to and including the preload hint: the same for every viewer of a snapshot.
     *
     * @param delta whether to write a Playlist Delta Update (§6.2.5.1); ignored once ended
     */
    static String body(HlsSettings settings, TimelineSnapshot s, boolean delta) {
        int td = settings.targetDurationSeconds();
        List<Segment> listed = s.listed();
        StringBuilder out = new StringBuilder(256 + 64 * listed.size() + 96 * s.openParts().size());
        out.append("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:").append(td).append('\n');
        out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES")
                .append(",CAN-SKIP-UNTIL=").append(Decimals.millis(SKIP_TARGETS * 1000L * td))
                .append(",PART-HOLD-BACK=").append(Decimals.millis(PART_HOLD_BACK_PARTS * settings.partTargetMillis()))
                .append(",HOLD-BACK=").append(Decimals.millis(HOLD_BACK_TARGETS * 1000L * td)).append('\n');
        out.append("#EXT-X-PART-INF:PART-TARGET=").append(Decimals.millis(settings.partTargetMillis())).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(listed.isEmpty() ? s.openMsn() : listed.get(0).msn()).append('\n');
        if (allIndependent(s)) {
            out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        }
        out.append("#EXT-X-MAP:URI=\"init.mp4\"\n");
        double[] fromEnd = secondsFromEnd(listed);
        double openSeconds = openSeconds(s);
        int skipped = delta && !s.ended() ? skippable(fromEnd, SKIP_TARGETS * td) : 0;
        if (skipped > 0) {
            out.append("#EXT-X-SKIP:SKIPPED-SEGMENTS=").append(skipped).append('\n');
        }
        for (int i = skipped; i < listed.size(); i++) {
            Segment seg = listed.get(i);
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(Decimals.date(seg.programDateTime())).append('\n');
            if (fromEnd[i] + openSeconds < PART_TAG_TARGETS * td) {
                seg.parts().forEach(p -> part(out, p));
            }
            out.append("#EXTINF:").append(Decimals.seconds(seg.durationTicks(), seg.timescale())).append(",\n");
            out.append(seg.uri()).append('\n');
        }
        if (!s.openParts().isEmpty()) {
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(Decimals.date(s.openProgramDateTime())).append('\n');
            s.openParts().forEach(p -> part(out, p));
        }
        if (!s.ended()) {
            // §4.4.5.3: the next part; its name does not depend on which segment it will fall in.
            out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"p").append(s.nextPartSequence()).append(".m4s\"\n");
        }
        return out.toString();
    }

    /** Rendition reports (§4.4.5.4) and, once ended, EXT-X-ENDLIST (§4.4.3.4). */
    static String tail(List<RenditionReport> reports, boolean ended) {
        StringBuilder out = new StringBuilder(80 * reports.size() + 16);
        for (RenditionReport r : reports) {
            out.append("#EXT-X-RENDITION-REPORT:URI=\"../").append(r.name()).append("/index.m3u8\",LAST-MSN=")
                    .append(r.lastMsn()).append(",LAST-PART=").append(r.lastPart()).append('\n');
        }
        if (ended) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    private static void part(StringBuilder out, Part p) {
        out.append("#EXT-X-PART:DURATION=").append(Decimals.secondsFloor(p.durationTicks(), p.timescale()))
                .append(",URI=\"").append(p.uri()).append('"');
        if (p.independent()) {
            out.append(",INDEPENDENT=YES");
        }
        out.append('\n');
    }

    /** For each listed segment, the seconds from its end to the end of the last complete segment. */
    private static double[] secondsFromEnd(List<Segment> listed) {
        double[] fromEnd = new double[listed.size()];
        double sum = 0;
        for (int i = listed.size() - 1; i >= 0; i--) {
            fromEnd[i] = sum;
            sum += listed.get(i).seconds();
        }
        return fromEnd;
    }

    /**
     * §6.2.5.1: the segments further from the end than the Skip Boundary. Counted from each
     * segment's end, so a segment straddling the boundary stays.
     */
    private static int skippable(double[] fromEnd, double boundary) {
        int n = 0;
        while (n < fromEnd.length && fromEnd[n] > boundary) {
            n++;
        }
        return n;
    }

    private static double openSeconds(TimelineSnapshot s) {
        double d = 0;
        for (Part p : s.openParts()) {
            d += (double) p.durationTicks() / p.timescale();
        }
        return d;
    }

    private static boolean allIndependent(TimelineSnapshot s) {
        for (Segment seg : s.listed()) {
            if (!seg.independent()) {
                return false;
            }
        }
        return s.openParts().isEmpty() || s.openParts().get(0).independent();
    }
}
