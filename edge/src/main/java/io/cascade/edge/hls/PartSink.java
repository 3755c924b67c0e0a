// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/** Where the packager delivers what it cuts: parts, then the end of each segment, then the end. */
interface PartSink {

    /**
     * @param msn media sequence number of the part's segment: for a segment's first part, the one
     *     the packager chose (the rendition's first ever may be any; each later segment is the
     *     previous one plus one), for later parts the same
     * @param fragment the part's bytes ({@code [styp] moof mdat})
     * @param startTicks presentation time of its first lead sample (its program date), relative to the
     *     broadcast origin
     * @param durationTicks its lead-track duration, at most PART-TARGET
     * @param timescale the lead track's timescale
     * @param independent whether it starts with a sync sample
     */
    void part(long msn, byte[] fragment, long startTicks, long durationTicks, int timescale, boolean independent);

    /** The parts since the previous call form a complete segment. */
    void endSegment();

    /** No more media: the playlist gets EXT-X-ENDLIST. */
    void end();
}
