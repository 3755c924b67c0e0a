// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.util.List;

/**
 * A complete media segment: the concatenation of its parts, served as {@code s<msn>.m4s} (normally
 * its whole spool file, see {@link #wholeFile()}).
 *
 * @param msn media sequence number
 * @param parts its parts in order, at least one
 * @param programDateTime EXT-X-PROGRAM-DATE-TIME of its first sample
 */
record Segment(long msn, List<Part> parts, Instant programDateTime) {
    Segment {
        parts = List.copyOf(parts);
    }

    String uri() {
        return "s" + msn + ".m4s";
    }

    boolean independent() {
        return parts.get(0).independent();
    }

    long durationTicks() {
        long d = 0;
        for (Part p : parts) {
            d += p.durationTicks();
        }
        return d;
    }

    int timescale() {
        return parts.get(0).timescale();
    }

    double seconds() {
        return (double) durationTicks() / timescale();
    }

    long bytes() {
        long n = 0;
        for (Part p : parts) {
            n += p.size();
        }
        return n;
    }

    /**
     * The spool file that holds exactly this segment (its parts back to back from offset 0, as
     * {@link RenditionStore} writes them), or null when a part is held elsewhere (memory, after a
     * failed spool write), in which case the segment is sent from its parts' buffers.
     */
    SpoolFile wholeFile() {
        SpoolFile file = null;
        long next = 0;
        for (Part p : parts) {
            if (!(p.data() instanceof PartData.Spooled s) || s.offset() != next || (file != null && s.file() != file)) {
                return null;
            }
            file = s.file();
            next += s.size();
        }
        return file;
    }

    Part last() {
        return parts.get(parts.size() - 1);
    }
}
