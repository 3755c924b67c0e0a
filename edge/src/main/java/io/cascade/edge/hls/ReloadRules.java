// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.util.function.Predicate;

/**
 * Blocking Playlist Reload (RFC 8216bis §6.2.5.2): which requests to refuse at once, and what a
 * held request waits for.
 */
final class ReloadRules {
    private ReloadRules() {
    }

    /**
     * §6.2.5.2: 400 when {@code _HLS_msn} is more than two past the last segment, or when
     * {@code _HLS_part} is further past the last part than the Advance Part Limit. Directives are
     * ignored once the playlist has EXT-X-ENDLIST (§6.2.5.2), so nothing is refused then.
     */
    static void check(Directives d, TimelineSnapshot s, HlsSettings settings) {
        if (!d.blocking() || s.ended()) {
            return;
        }
        if (d.msn() > s.lastCompleteMsn() + 2) {
            throw HlsRequestException.badRequest("_HLS_msn", d.msn() + " is more than two segments past "
                    + s.lastCompleteMsn());
        }
        if (d.part() >= 0 && partsAhead(d, s, settings) > settings.advancePartLimit()) {
            throw HlsRequestException.badRequest("_HLS_part", "more than " + settings.advancePartLimit()
                    + " parts past the last part");
        }
    }

    /** What the held request waits for: the segment, or the part (past a segment's end: the next one's). */
    static Predicate<TimelineSnapshot> until(Directives d) {
        long msn = d.msn();
        long part = d.part();
        if (part < 0) {
            return s -> s.ended() || s.containsSegment(msn);
        }
        return s -> s.ended() || s.containsPart(msn, part);
    }

    /**
     * How many parts past the last published one the request is, counted from the open segment. A
     * future segment counts as the expected number of parts per segment: its real count is unknown.
     */
    static long partsAhead(Directives d, TimelineSnapshot s, HlsSettings settings) {
        long lastMsn = s.openMsn();                 // a complete segment's parts are all behind this
        long lastIndex = s.openParts().size() - 1;
        if (d.msn() < lastMsn) {
            return 0;
        }
        if (d.msn() == lastMsn) {
            return d.part() - lastIndex;
        }
        long perSegment = settings.expectedPartsPerSegment();
        long restOfLast = Math.max(0, perSegment - 1 - lastIndex);
        return restOfLast + (d.msn() - lastMsn - 1) * perSegment + d.part() + 1;
    }
}
