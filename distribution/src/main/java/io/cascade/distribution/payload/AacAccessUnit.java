// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * One AAC access unit (a raw_data_block, no ADTS header) and its RTP timestamp, whose clock is
 * the sampling rate of the {@code a=rtpmap} line (RFC 3640 §3.1). The array is not copied;
 * equality compares contents.
 *
 * @param rtpTimestamp 32 bits, unsigned in an int
 * @param data         the access unit, 1..{@value AacPacketizer#MAX_ACCESS_UNIT_SIZE} octets
 */
public record AacAccessUnit(int rtpTimestamp, byte[] data) {
    public AacAccessUnit {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AacAccessUnit a && rtpTimestamp == a.rtpTimestamp && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * rtpTimestamp + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AacAccessUnit[rtpTimestamp=" + Integer.toUnsignedString(rtpTimestamp) + ", " + data.length + " octets]";
    }
}
