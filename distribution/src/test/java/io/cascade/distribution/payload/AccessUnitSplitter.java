// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups the NAL units of an Annex B stream into access units for tests, by the first-slice rule
 * of ISO/IEC 14496-10 §7.4.1.2.3 simplified to what x264 writes: once an access unit has a slice,
 * an AUD, SPS, PPS or SEI, or a slice with first_mb_in_slice 0, starts the next one.
 */
final class AccessUnitSplitter {
    private AccessUnitSplitter() {
    }

    static List<List<byte[]>> split(List<byte[]> nals) {
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasSlice = false;
        for (byte[] nal : nals) {
            int type = H264Nal.type(nal);
            boolean startsPicture = H264Nal.isVcl(type) && (nal[1] & 0x80) != 0;
            boolean prefix = type == H264Nal.AUD || type == H264Nal.SPS || type == H264Nal.PPS || type == H264Nal.SEI;
            if (hasSlice && (startsPicture || prefix)) {
                units.add(current);
                current = new ArrayList<>();
                hasSlice = false;
            }
            current.add(nal);
            hasSlice |= H264Nal.isVcl(type);
        }
        if (!current.isEmpty()) {
            units.add(current);
        }
        return units;
    }

    /** The access units of an Annex B stream, timestamped one 30 fps frame (3000 ticks) apart. */
    static List<H264AccessUnit> accessUnits(byte[] annexB, int firstTimestamp) {
        List<H264AccessUnit> units = new ArrayList<>();
        int timestamp = firstTimestamp;
        for (List<byte[]> nals : split(H264Nal.splitAnnexB(annexB))) {
            units.add(H264AccessUnit.of(timestamp, nals));
            timestamp += 3000;
        }
        return units;
    }
}
