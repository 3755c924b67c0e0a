// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the output promise "every IDR access unit carries its SPS and PPS in-band" and derives the
 * out-of-band AVCDecoderConfigurationRecord from them.
 *
 * <p>x264 repeats SPS/PPS before every IDR when it has no global header (what the encoder is asked
 * for), so normally this only reads them. An IDR without them (an encoder that stopped repeating)
 * gets the last ones seen prepended. One instance per output stream; not thread-safe.
 */
public final class KeyframeParameterSets {

    private final int recordLengthSize;
    private List<byte[]> sps = List.of();
    private List<byte[]> pps = List.of();
    private AvcConfigurationRecord record;

    /** @param recordLengthSize the NAL length size to declare in the derived record (4 for fMP4) */
    public KeyframeParameterSets(int recordLengthSize) {
        this.recordLengthSize = Avcc.checkLengthSize(recordLengthSize);
    }

    /**
     * Inspects one Annex B IDR access unit.
     *
     * @return the access unit, with SPS/PPS prepended if it lacked them
     * @throws MalformedH264Exception when it has no parameter sets and none were seen before, or they do not parse
     */
    public byte[] onKeyframe(byte[] accessUnit) throws MalformedH264Exception {
        List<byte[]> foundSps = new ArrayList<>(1);
        List<byte[]> foundPps = new ArrayList<>(1);
        AnnexB.forEach(accessUnit, (buf, off, len) -> {
            int type = NalUnit.type(buf[off]);
            if (type == NalUnit.SPS) {
                foundSps.add(Arrays.copyOfRange(buf, off, off + len));
            } else if (type == NalUnit.PPS) {
                foundPps.add(Arrays.copyOfRange(buf, off, off + len));
            }
        });
        if (!foundSps.isEmpty() && !foundPps.isEmpty()) {
            if (record == null || !sameNals(foundSps, sps) || !sameNals(foundPps, pps)) {
                record = AvcConfigurationRecord.of(foundSps, foundPps, recordLengthSize);
                sps = foundSps;
                pps = foundPps;
            }
            return accessUnit;
        }
        if (record == null) {
            throw new MalformedH264Exception("IDR access unit without SPS/PPS and none seen before");
        }
        byte[] params = record.parameterSetsAnnexB();
        byte[] out = Arrays.copyOf(params, params.length + accessUnit.length);
        System.arraycopy(accessUnit, 0, out, params.length, accessUnit.length);
        return out;
    }

    /** The record for the parameter sets in force, or null before the first IDR. */
    public AvcConfigurationRecord record() {
        return record;
    }

    private static boolean sameNals(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
