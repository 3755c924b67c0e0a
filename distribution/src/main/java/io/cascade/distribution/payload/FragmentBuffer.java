// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Reassembles one fragmented unit (an H.264 FU-A NAL unit, an RFC 3640 AU) from its parts. The
 * array grows by doubling and is kept between units, so a stream of large keyframes settles on one
 * buffer; each finished unit is copied out once at its exact size.
 */
final class FragmentBuffer {
    private byte[] data = new byte[0];
    private int length;
    private boolean active;

    /** Starts a unit, dropping any unfinished one. */
    void start() {
        active = true;
        length = 0;
    }

    /** Whether a unit is being reassembled. */
    boolean active() {
        return active;
    }

    /** Octets gathered so far. */
    int length() {
        return length;
    }

    /** Drops the unit being reassembled. */
    void reset() {
        active = false;
        length = 0;
    }

    void append(int octet) {
        ensure(1);
        data[length++] = (byte) octet;
    }

    /** Appends {@code buf[index, index + count)}; the buffer's indexes do not move. */
    void append(ByteBuf buf, int index, int count) {
        ensure(count);
        buf.getBytes(index, data, length, count);
        length += count;
    }

    /** The unit, copied out, and the buffer reset. */
    byte[] finish() {
        byte[] unit = Arrays.copyOf(data, length);
        reset();
        return unit;
    }

    private void ensure(int more) {
        if (length + more > data.length) {
            data = Arrays.copyOf(data, Math.max(length + more, Math.max(256, 2 * data.length)));
        }
    }
}
