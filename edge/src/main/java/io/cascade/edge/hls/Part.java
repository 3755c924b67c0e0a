// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.nio.ByteBuffer;

/**
 * One published partial segment: an fMP4 fragment, immutable once published.
 *
 * @param msn media sequence number of its parent segment
 * @param index Part Index within the parent segment (RFC 8216bis §6.2.5.2), from 0
 * @param sequence rendition-wide part number, which names the resource ({@code p<sequence>.m4s})
 * @param durationTicks duration of the lead track's samples
 * @param timescale ticks per second of the lead track
 * @param independent whether it starts with a sync sample (INDEPENDENT=YES)
 * @param data the fragment, read-only and outside the Java heap: every viewer's response is a view
 *     of this one buffer, which the socket write reads directly (no copy per request, none into a
 *     direct buffer on the way out); the memory is freed when the part is no longer referenced
 */
record Part(long msn, int index, long sequence, long durationTicks, int timescale, boolean independent,
        ByteBuffer data) {

    Part {
        if (!data.isReadOnly() || !data.isDirect()) {
            throw new IllegalArgumentException("data: a read-only direct buffer");
        }
    }

    /** A part holding a copy of {@code fragment}. */
    static Part of(long msn, int index, long sequence, long durationTicks, int timescale, boolean independent,
            byte[] fragment) {
        return new Part(msn, index, sequence, durationTicks, timescale, independent, direct(fragment));
    }

    /** A read-only direct copy of {@code bytes}. */
    static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /** The fragment's length in bytes. */
    int size() {
        return data.remaining();
    }

    /** A copy of the fragment. */
    byte[] bytes() {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }

    String uri() {
        return "p" + sequence + ".m4s";
    }
}
