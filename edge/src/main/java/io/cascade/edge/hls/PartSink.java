// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/** Where the packager delivers what it cuts: parts, then the end of each segment, then the end. */
interface PartSink {

    /**
     * @param fragment the part's bytes ({@code [styp] moof mdat})
     * @param startTicks media time of its first lead sample, relative to the broadcast origin
     * @param durationTicks its lead-track duration, at most PART-TARGET
     * @param timescale the lead track's timescale
     * @param independent whether it starts with a sync sample
     */
    void part(byte[] fragment, long startTicks, long durationTicks, int timescale, boolean independent);

    /** The parts since the previous call form a complete segment. */
    void endSegment();

    /** No more media: the playlist gets EXT-X-ENDLIST. */
    void end();
}
