// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), the payload of {@code avcC}.
 * Samples must use 4-byte NAL unit lengths ({@code lengthSizeMinusOne = 3}), which is what
 * {@link VideoSample#avcc()} carries.
 *
 * @param record the encoded record, as written into {@code avcC}
 * @param sps the sequence parameter set NAL units (with their 1-byte NAL header)
 * @param pps the picture parameter set NAL units
 */
public record AvcDecoderConfig(byte[] record, List<byte[]> sps, List<byte[]> pps) {
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;

    public AvcDecoderConfig {
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
    }

    /** Builds the record from one or more SPS and PPS NAL units (no start codes, no length prefix). */
    public static AvcDecoderConfig of(List<byte[]> sps, List<byte[]> pps) {
        if (sps.isEmpty() || sps.size() > 31) {
            throw new CmafFormatException("sps", "1 to 31 parameter sets required, got " + sps.size());
        }
        if (pps.isEmpty() || pps.size() > 255) {
            throw new CmafFormatException("pps", "1 to 255 parameter sets required, got " + pps.size());
        }
        for (byte[] s : sps) {
            checkNal("sps", s, NAL_SPS);
        }
        for (byte[] p : pps) {
            checkNal("pps", p, NAL_PPS);
        }
        byte[] first = sps.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);                       // configurationVersion
        out.write(first[1]);                // AVCProfileIndication
        out.write(first[2]);                // profile_compatibility
        out.write(first[3]);                // AVCLevelIndication
        out.write(0xFC | 3);                // reserved '111111' + lengthSizeMinusOne = 3
        out.write(0xE0 | sps.size());       // reserved '111' + numOfSequenceParameterSets
        sps.forEach(s -> writeParameterSet(out, s));
        out.write(pps.size());              // numOfPictureParameterSets
        pps.forEach(p -> writeParameterSet(out, p));
        int profile = first[1] & 0xFF;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 144) {
            // §5.3.3.1.2: the chroma/bit-depth extension is present for these profiles.
            SpsHeader h = SpsHeader.parse(first);
            out.write(0xFC | h.chromaFormatIdc());
            out.write(0xF8 | h.bitDepthLumaMinus8());
            out.write(0xF8 | h.bitDepthChromaMinus8());
            out.write(0);                   // numOfSequenceParameterSetExt
        }
        return new AvcDecoderConfig(out.toByteArray(), sps, pps);
    }

    /** Reads an AVCDecoderConfigurationRecord, e.g. the {@code extradata} of an MP4 or FLV source. */
    public static AvcDecoderConfig parse(byte[] record) {
        if (record.length < 7 || record[0] != 1) {
            throw new CmafFormatException("avcC", "not an AVCDecoderConfigurationRecord version 1");
        }
        if ((record[4] & 3) != 3) {
            throw new CmafFormatException("avcC.lengthSizeMinusOne", "only 4-byte NAL lengths are supported");
        }
        int[] pos = {5};
        List<byte[]> sps = readParameterSets(record, pos, record[5] & 0x1F, "sps");
        if (pos[0] >= record.length) {
            throw new CmafFormatException("avcC.numOfPictureParameterSets", "missing");
        }
        int ppsCount = record[pos[0]] & 0xFF;
        List<byte[]> pps = readParameterSets(record, pos, ppsCount, "pps");
        return of(sps, pps);
    }

    public int profile() {
        return sps.get(0)[1] & 0xFF;
    }

    public int compatibility() {
        return sps.get(0)[2] & 0xFF;
    }

    public int level() {
        return sps.get(0)[3] & 0xFF;
    }

    /** RFC 6381 §3.3 {@code avc1.PPCCLL}: profile, constraint flags and level from SPS bytes 1-3. */
    public String codecs() {
        return String.format("avc1.%02x%02x%02x", profile(), compatibility(), level());
    }

    private static List<byte[]> readParameterSets(byte[] record, int[] pos, int count, String field) {
        pos[0]++;
        List<byte[]> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (pos[0] + 2 > record.length) {
                throw new CmafFormatException("avcC." + field, "length runs past the record");
            }
            int len = ((record[pos[0]] & 0xFF) << 8) | (record[pos[0] + 1] & 0xFF);
            pos[0] += 2;
            if (pos[0] + len > record.length) {
                throw new CmafFormatException("avcC." + field, "parameter set runs past the record");
            }
            byte[] set = new byte[len];
            System.arraycopy(record, pos[0], set, 0, len);
            pos[0] += len;
            sets.add(set);
        }
        return sets;
    }

    private static void writeParameterSet(ByteArrayOutputStream out, byte[] nal) {
        out.write(nal.length >>> 8);
        out.write(nal.length);
        out.writeBytes(nal);
    }

    private static void checkNal(String field, byte[] nal, int type) {
        if (nal.length < 4 || nal.length > 0xFFFF) {
            throw new CmafFormatException(field, "length " + nal.length + " out of range");
        }
        if ((nal[0] & 0x1F) != type) {
            throw new CmafFormatException(field, "NAL unit type " + (nal[0] & 0x1F) + ", expected " + type);
        }
    }
}
