// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * One published partial segment: an fMP4 fragment, immutable once published.
 *
 * @param msn media sequence number of its parent segment
 * @param index Part Index within the parent segment (RFC 8216bis §6.2.5.2), from 0
 * @param sequence rendition-wide part number, which names the resource ({@code p<sequence>.m4s})
 * @param durationTicks duration of the lead track's samples
 * @param timescale ticks per second of the lead track
 * @param independent whether it starts with a sync sample (INDEPENDENT=YES)
 * @param data where its bytes are: a region of its segment's spool file (normally), or memory
 */
record Part(long msn, int index, long sequence, long durationTicks, int timescale, boolean independent,
        PartData data) {

    /** The fragment's length in bytes. */
    int size() {
        return data.size();
    }

    /** A copy of the fragment. */
    byte[] bytes() {
        var buffer = data.buffer();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    String uri() {
        return "p" + sequence + ".m4s";
    }
}
