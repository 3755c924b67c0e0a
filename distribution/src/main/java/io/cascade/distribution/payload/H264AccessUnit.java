// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One H.264 access unit (ISO/IEC 14496-10 §7.4.1.2.3): the NAL units of one picture in decoding
 * order, without start codes or length prefixes, and the RTP timestamp (90 kHz, RFC 6184 §5.1)
 * every packet of it carries. What {@link H264Packetizer} takes and {@link H264Depacketizer}
 * gives back.
 *
 * <p>The NAL unit arrays are not copied: whoever builds the access unit hands them over and
 * nobody changes them after. Equality compares their contents.
 *
 * @param rtpTimestamp 32 bits, unsigned in an int
 * @param keyframe     whether a NAL unit is a slice of an IDR picture (type 5)
 * @param nals         the NAL units, none empty
 */
public record H264AccessUnit(int rtpTimestamp, boolean keyframe, List<byte[]> nals) {
    public H264AccessUnit {
        nals = List.copyOf(nals);
    }

    /** An access unit whose {@code keyframe} flag is read off the NAL unit types. */
    public static H264AccessUnit of(int rtpTimestamp, List<byte[]> nals) {
        return new H264AccessUnit(rtpTimestamp, H264Nal.containsIdr(nals), nals);
    }

    /** Octets of NAL units, framing excluded. */
    public int size() {
        return H264Nal.size(nals);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof H264AccessUnit a && rtpTimestamp == a.rtpTimestamp && keyframe == a.keyframe
                && H264Nal.equal(nals, a.nals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rtpTimestamp, keyframe) ^ H264Nal.hash(nals);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("H264AccessUnit[rtpTimestamp=").append(Integer.toUnsignedString(rtpTimestamp))
                .append(", keyframe=").append(keyframe).append(", nals=");
        for (byte[] nal : nals) {
            s.append(" type ").append(H264Nal.type(nal)).append('/').append(nal.length).append(" octets");
            if (nal.length <= 8) {
                s.append(' ').append(HexFormat.of().formatHex(nal));
            }
        }
        return s.append(']').toString();
    }
}
