// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1; §5.2.4.1 in the 2004 edition), the
 * body of an FLV AVC sequence header:
 * <pre>
 *   configurationVersion UI8 = 1
 *   AVCProfileIndication UI8 | profile_compatibility UI8 | AVCLevelIndication UI8
 *   reserved '111111'b | lengthSizeMinusOne UB[2]
 *   reserved '111'b | numOfSequenceParameterSets UB[5]
 *     { sequenceParameterSetLength UI16 | sequenceParameterSetNALUnit }
 *   numOfPictureParameterSets UI8
 *     { pictureParameterSetLength UI16 | pictureParameterSetNALUnit }
 *   if profile in (100, 110, 122, 144): chroma_format, bit depths, SPS extensions
 * </pre>
 * The trailing high-profile fields are optional here: encoders (older x264/FFmpeg among them)
 * omit them, so they are read only when they are present and well formed. Reserved bits are
 * not checked on input and written as ones. The arrays are copies owned by the record; its
 * {@code equals} is identity on them, so compare {@link #encode()} outputs instead.
 *
 * @param profileIndication    AVCProfileIndication (profile_idc of the SPS)
 * @param profileCompatibility profile_compatibility (the SPS constraint flags byte)
 * @param levelIndication      AVCLevelIndication (level_idc)
 * @param nalUnitLengthSize    bytes in each NAL unit length prefix: 1, 2 or 4
 * @param sequenceParameterSets SPS NAL units, each with its NAL header byte
 * @param pictureParameterSets  PPS NAL units
 * @param highProfile          the high-profile trailer, or null when absent
 */
public record AvcDecoderConfigurationRecord(int profileIndication, int profileCompatibility, int levelIndication,
        int nalUnitLengthSize, List<byte[]> sequenceParameterSets, List<byte[]> pictureParameterSets,
        HighProfileFields highProfile) {

    /**
     * The fields that follow the PPS list for the high profiles.
     *
     * @param chromaFormat         chroma_format (chroma_format_idc)
     * @param bitDepthLumaMinus8   bit_depth_luma_minus8
     * @param bitDepthChromaMinus8 bit_depth_chroma_minus8
     * @param spsExtensions        sequence parameter set extension NAL units
     */
    public record HighProfileFields(int chromaFormat, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
            List<byte[]> spsExtensions) {
        public HighProfileFields {
            spsExtensions = List.copyOf(spsExtensions);
        }
    }

    public AvcDecoderConfigurationRecord {
        sequenceParameterSets = List.copyOf(sequenceParameterSets);
        pictureParameterSets = List.copyOf(pictureParameterSets);
        if (nalUnitLengthSize != 1 && nalUnitLengthSize != 2 && nalUnitLengthSize != 4) {
            throw new IllegalArgumentException("NAL unit length size must be 1, 2 or 4: " + nalUnitLengthSize);
        }
    }

    /** Parses a record; the arrays in the result are copies. */
    public static AvcDecoderConfigurationRecord decode(byte[] data) {
        ByteCursor in = new ByteCursor(data);
        int version = in.u8("configurationVersion");
        if (version != 1) {
            throw new FlvFormatException("configurationVersion", "must be 1, was " + version);
        }
        int profile = in.u8("AVCProfileIndication");
        int compatibility = in.u8("profile_compatibility");
        int level = in.u8("AVCLevelIndication");
        int lengthSizeMinusOne = in.u8("lengthSizeMinusOne") & 0x03;
        if (lengthSizeMinusOne == 2) {
            throw new FlvFormatException("lengthSizeMinusOne", "3-byte NAL unit lengths are not allowed");
        }
        List<byte[]> sps = readNalUnits(in, in.u8("numOfSequenceParameterSets") & 0x1F, "sequenceParameterSet");
        List<byte[]> pps = readNalUnits(in, in.u8("numOfPictureParameterSets"), "pictureParameterSet");
        HighProfileFields high = hasHighProfileFields(profile) ? readHighProfile(in) : null;
        return new AvcDecoderConfigurationRecord(profile, compatibility, level, lengthSizeMinusOne + 1, sps, pps, high);
    }

    private static boolean hasHighProfileFields(int profile) {
        return profile == 100 || profile == 110 || profile == 122 || profile == 144;
    }

    private static HighProfileFields readHighProfile(ByteCursor in) {
        if (in.remaining() < 4) {
            return null;
        }
        try {
            int chroma = in.u8("chroma_format") & 0x03;
            int luma = in.u8("bit_depth_luma_minus8") & 0x07;
            int chromaDepth = in.u8("bit_depth_chroma_minus8") & 0x07;
            List<byte[]> ext = readNalUnits(in, in.u8("numOfSequenceParameterSetExt"), "sequenceParameterSetExt");
            return new HighProfileFields(chroma, luma, chromaDepth, ext);
        } catch (FlvFormatException malformedTrailer) {
            // The trailer is optional in practice; a broken one is treated as absent.
            return null;
        }
    }

    private static List<byte[]> readNalUnits(ByteCursor in, int count, String field) {
        List<byte[]> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.u16(field + "Length");
            units.add(in.bytes(length, field + "NALUnit"));
        }
        return units;
    }

    /** The record's bytes, reserved bits set. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(profileIndication);
        out.write(profileCompatibility);
        out.write(levelIndication);
        out.write(0xFC | (nalUnitLengthSize - 1));
        out.write(0xE0 | sequenceParameterSets.size());
        writeNalUnits(out, sequenceParameterSets);
        out.write(pictureParameterSets.size());
        writeNalUnits(out, pictureParameterSets);
        if (highProfile != null) {
            out.write(0xFC | highProfile.chromaFormat());
            out.write(0xF8 | highProfile.bitDepthLumaMinus8());
            out.write(0xF8 | highProfile.bitDepthChromaMinus8());
            out.write(highProfile.spsExtensions().size());
            writeNalUnits(out, highProfile.spsExtensions());
        }
        return out.toByteArray();
    }

    private static void writeNalUnits(ByteArrayOutputStream out, List<byte[]> units) {
        for (byte[] unit : units) {
            out.write(unit.length >> 8);
            out.write(unit.length);
            out.write(unit, 0, unit.length);
        }
    }

    /** The first SPS parsed, or null when there is none. */
    public AvcSequenceParameterSet firstSps() {
        return sequenceParameterSets.isEmpty() ? null : AvcSequenceParameterSet.decode(sequenceParameterSets.get(0));
    }
}
