// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.util.List;

/**
 * What one rendition has published, as one immutable value: readers (HTTP handlers, playlist
 * rendering) take the current snapshot and never lock; the packager publishes a new one per part.
 *
 * @param retained complete segments still downloadable, oldest first
 * @param firstListed index into {@code retained} of the first segment the playlist lists; those
 *     before it are off the playlist but still served (RFC 8216bis §6.2.2 availability)
 * @param openMsn media sequence number of the segment being built
 * @param openParts the parts of that segment published so far
 * @param openProgramDateTime program date of the open segment's first part, or null
 * @param nextPartSequence the sequence number the next part will get (the preload hint)
 * @param ended whether the playlist carries EXT-X-ENDLIST
 */
record TimelineSnapshot(List<Segment> retained, int firstListed, long openMsn, List<Part> openParts,
        Instant openProgramDateTime, long nextPartSequence, boolean ended) {

    static TimelineSnapshot empty(long firstMsn, long firstPartSequence) {
        return new TimelineSnapshot(List.of(), 0, firstMsn, List.of(), null, firstPartSequence, false);
    }

    List<Segment> listed() {
        return retained.subList(firstListed, retained.size());
    }

    boolean hasCompleteSegment() {
        return !retained.isEmpty();
    }

    /** Media sequence number of the last complete segment (openMsn - 1 even before there is one). */
    long lastCompleteMsn() {
        return openMsn - 1;
    }

    /** The retained complete segment {@code msn}, or null. */
    Segment segment(long msn) {
        if (retained.isEmpty()) {
            return null;
        }
        long i = msn - retained.get(0).msn();
        return i >= 0 && i < retained.size() ? retained.get((int) i) : null;
    }

    /** The retained part with this sequence number (complete segment or open), or null. */
    Part part(long sequence) {
        if (!openParts.isEmpty() && sequence >= openParts.get(0).sequence()) {
            long i = sequence - openParts.get(0).sequence();
            return i < openParts.size() ? openParts.get((int) i) : null;
        }
        for (int i = retained.size() - 1; i >= 0; i--) {
            Segment s = retained.get(i);
            long first = s.parts().get(0).sequence();
            if (sequence >= first) {
                long k = sequence - first;
                return k < s.parts().size() ? s.parts().get((int) k) : null;
            }
        }
        return null;
    }

    /** RFC 8216bis §6.2.5.2: a segment with sequence number {@code msn} or later is complete. */
    boolean containsSegment(long msn) {
        return msn <= lastCompleteMsn();
    }

    /**
     * RFC 8216bis §6.2.5.2: the playlist holds part {@code index} of segment {@code msn} or a later
     * one; an index past the last part of a complete segment means part 0 of the next segment.
     */
    boolean containsPart(long msn, long index) {
        if (msn < openMsn) {
            Segment s = segment(msn);
            if (s == null || index < s.parts().size()) {
                return true;                // evicted long ago, or present
            }
            return containsPart(msn + 1, 0);
        }
        return msn == openMsn && index < openParts.size();
    }

    /** The last published part, or null: what a rendition report names. */
    Part lastPart() {
        if (!openParts.isEmpty()) {
            return openParts.get(openParts.size() - 1);
        }
        return retained.isEmpty() ? null : retained.get(retained.size() - 1).last();
    }
}
