// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.util.List;

/**
 * A complete media segment: the concatenation of its parts, served as {@code s<msn>.m4s}.
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

    Part last() {
        return parts.get(parts.size() - 1);
    }
}
