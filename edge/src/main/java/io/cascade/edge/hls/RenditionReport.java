// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * EXT-X-RENDITION-REPORT values (RFC 8216bis §4.4.5.4) for another rendition of the broadcast.
 *
 * @param name the rendition, whose playlist is {@code ../<name>/index.m3u8}
 * @param lastMsn media sequence number of its last (possibly still open) segment with a part
 * @param lastPart Part Index of its last part in that segment
 */
record RenditionReport(String name, long lastMsn, int lastPart) {

    /** The report for a rendition's current state, or null before its first part. */
    static RenditionReport of(String name, TimelineSnapshot s) {
        Part last = s.lastPart();
        return last == null ? null : new RenditionReport(name, last.msn(), last.index());
    }
}
