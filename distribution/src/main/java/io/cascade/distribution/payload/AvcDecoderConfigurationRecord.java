// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1): the body of an MP4 {@code avcC} box
 * and of the FLV/RTMP "AVC sequence header". It carries the parameter sets out of band and the
 * size of the NAL unit length prefixes in the samples.
 *
 * <pre>
 * configurationVersion = 1        8 bits
 * AVCProfileIndication            8      profile_idc of the SPS
 * profile_compatibility           8      the constraint-flag octet of the SPS
 * AVCLevelIndication              8      level_idc
 * reserved '111111'b              6
 * lengthSizeMinusOne              2      0, 1 or 3
 * reserved '111'b                 3
 * numOfSequenceParameterSets      5      then each: 16-bit length, SPS NAL unit
 * numOfPictureParameterSets       8      then each: 16-bit length, PPS NAL unit
 * if AVCProfileIndication is not 66, 77 or 88 (Baseline, Main, Extended):
 *   reserved '111111'b, chroma_format (2), reserved '11111'b, bit_depth_luma_minus8 (3),
 *   reserved '11111'b, bit_depth_chroma_minus8 (3), numOfSequenceParameterSetExt (8),
 *   then each: 16-bit length, SPS extension NAL unit
 * </pre>
 *
 * <p>Design notes. The high-profile trailer was added to the standard after encoders had shipped,
 * and many writers (older FFmpeg, several RTMP encoders) still leave it out, so {@link #decode}
 * reads it only when at least its four fixed octets are left, and a record without it stays
 * without it ({@link #highProfile} is {@code null}); once started it must be well formed. Reserved
 * bits are not checked on input (writers have put zeros there) and are written as ones. Octets
 * after the record are ignored. Parameter sets must be non-empty and of the right NAL unit type.
 *
 * <p>The arrays in the lists are not copied: callers must not change them. Equality compares their
 * contents.
 *
 * @param profileIndication     AVCProfileIndication, 0..255
 * @param profileCompatibility  profile_compatibility, 0..255
 * @param levelIndication       AVCLevelIndication, 0..255
 * @param nalLengthSize         octets of each NAL unit length prefix: 1, 2 or 4
 * @param sequenceParameterSets SPS NAL units, 0..31 of them
 * @param pictureParameterSets  PPS NAL units, 0..255 of them
 * @param highProfile           the trailer, or {@code null} when absent
 */
public record AvcDecoderConfigurationRecord(int profileIndication, int profileCompatibility, int levelIndication,
        int nalLengthSize, List<byte[]> sequenceParameterSets, List<byte[]> pictureParameterSets,
        HighProfile highProfile) {

    /** configurationVersion: the only version defined. */
    public static final int VERSION = 1;
    private static final int MAX_SPS = 31;
    private static final int MAX_PPS = 255;
    private static final int MAX_SPS_EXT = 255;
    private static final int MAX_NAL_LENGTH = 0xFFFF;

    /**
     * The trailer for High profiles.
     *
     * @param chromaFormat              chroma_format_idc of the SPS, 0..3
     * @param bitDepthLumaMinus8        0..7
     * @param bitDepthChromaMinus8      0..7
     * @param sequenceParameterSetExts  SPS extension NAL units (type 13), 0..255 of them
     */
    public record HighProfile(int chromaFormat, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
            List<byte[]> sequenceParameterSetExts) {
        public HighProfile {
            check(chromaFormat, 3, "chroma_format");
            check(bitDepthLumaMinus8, 7, "bit_depth_luma_minus8");
            check(bitDepthChromaMinus8, 7, "bit_depth_chroma_minus8");
            sequenceParameterSetExts = checkNals(sequenceParameterSetExts, MAX_SPS_EXT, "numOfSequenceParameterSetExt");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HighProfile h && chromaFormat == h.chromaFormat
                    && bitDepthLumaMinus8 == h.bitDepthLumaMinus8 && bitDepthChromaMinus8 == h.bitDepthChromaMinus8
                    && H264Nal.equal(sequenceParameterSetExts, h.sequenceParameterSetExts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chromaFormat, bitDepthLumaMinus8, bitDepthChromaMinus8)
                    ^ H264Nal.hash(sequenceParameterSetExts);
        }

        @Override
        public String toString() {
            return "HighProfile[chromaFormat=" + chromaFormat + ", bitDepthLumaMinus8=" + bitDepthLumaMinus8
                    + ", bitDepthChromaMinus8=" + bitDepthChromaMinus8 + ", spsExt=" + hex(sequenceParameterSetExts) + "]";
        }
    }

    public AvcDecoderConfigurationRecord {
        check(profileIndication, 255, "AVCProfileIndication");
        check(profileCompatibility, 255, "profile_compatibility");
        check(levelIndication, 255, "AVCLevelIndication");
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw new IllegalArgumentException("NAL unit length size must be 1, 2 or 4: " + nalLengthSize);
        }
        sequenceParameterSets = checkNals(sequenceParameterSets, MAX_SPS, "numOfSequenceParameterSets");
        pictureParameterSets = checkNals(pictureParameterSets, MAX_PPS, "numOfPictureParameterSets");
    }

    /**
     * The record for a stream with these parameter sets and 4-octet length prefixes: profile,
     * compatibility and level come from the first SPS, and for the profiles that have it the
     * trailer is filled from that SPS, as current FFmpeg writes it.
     *
     * @throws PayloadFormatException when the first SPS does not parse
     * @throws IllegalArgumentException when {@code sps} is empty
     */
    public static AvcDecoderConfigurationRecord of(List<byte[]> sps, List<byte[]> pps) {
        if (sps.isEmpty()) {
            throw new IllegalArgumentException("at least one SPS is needed");
        }
        H264Sps first = H264Sps.parse(sps.get(0));
        HighProfile trailer = hasTrailer(first.profileIdc())
                ? new HighProfile(first.chromaFormatIdc(), first.bitDepthLuma() - 8, first.bitDepthChroma() - 8, List.of())
                : null;
        return new AvcDecoderConfigurationRecord(first.profileIdc(), first.constraintFlags(), first.levelIdc(), 4, sps,
                pps, trailer);
    }

    /**
     * Parses a record.
     *
     * @throws PayloadFormatException naming the field that is missing, truncated or invalid
     */
    public static AvcDecoderConfigurationRecord decode(byte[] data) {
        Cursor in = new Cursor(data);
        int version = in.u8("configurationVersion");
        if (version != VERSION) {
            throw new PayloadFormatException("configurationVersion", "must be 1, got " + version);
        }
        int profile = in.u8("AVCProfileIndication");
        int compatibility = in.u8("profile_compatibility");
        int level = in.u8("AVCLevelIndication");
        int lengthSizeMinusOne = in.u8("lengthSizeMinusOne") & 0x03;
        if (lengthSizeMinusOne == 2) {
            throw new PayloadFormatException("lengthSizeMinusOne", "must be 0, 1 or 3, got 2");
        }
        List<byte[]> sps = in.nals(in.u8("numOfSequenceParameterSets") & 0x1F, "sequenceParameterSetLength", H264Nal.SPS);
        List<byte[]> pps = in.nals(in.u8("numOfPictureParameterSets"), "pictureParameterSetLength", H264Nal.PPS);
        HighProfile trailer = null;
        if (hasTrailer(profile) && in.left() >= 4) {
            int chroma = in.u8("chroma_format") & 0x03;
            int luma = in.u8("bit_depth_luma_minus8") & 0x07;
            int chromaDepth = in.u8("bit_depth_chroma_minus8") & 0x07;
            List<byte[]> ext = in.nals(in.u8("numOfSequenceParameterSetExt"), "sequenceParameterSetExtLength", -1);
            trailer = new HighProfile(chroma, luma, chromaDepth, ext);
        }
        return new AvcDecoderConfigurationRecord(profile, compatibility, level, lengthSizeMinusOne + 1, sps, pps, trailer);
    }

    /**
     * Whether a record for this profile has the trailer: §5.3.3.1.2 of the 2017 edition says every
     * profile but Baseline, Main and Extended (earlier editions listed 100, 110, 122 and 144, which
     * left out High 4:4:4 Predictive, 244); FFmpeg writes it the same way.
     */
    static boolean hasTrailer(int profileIdc) {
        return profileIdc != 66 && profileIdc != 77 && profileIdc != 88;
    }

    /** Writes the record, reserved bits set. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        out.write(profileIndication);
        out.write(profileCompatibility);
        out.write(levelIndication);
        out.write(0xFC | (nalLengthSize - 1));
        out.write(0xE0 | sequenceParameterSets.size());
        writeNals(sequenceParameterSets, out);
        out.write(pictureParameterSets.size());
        writeNals(pictureParameterSets, out);
        if (highProfile != null) {
            out.write(0xFC | highProfile.chromaFormat);
            out.write(0xF8 | highProfile.bitDepthLumaMinus8);
            out.write(0xF8 | highProfile.bitDepthChromaMinus8);
            out.write(highProfile.sequenceParameterSetExts.size());
            writeNals(highProfile.sequenceParameterSetExts, out);
        }
        return out.toByteArray();
    }

    private static void writeNals(List<byte[]> nals, ByteArrayOutputStream out) {
        for (byte[] nal : nals) {
            out.write(nal.length >>> 8);
            out.write(nal.length);
            out.writeBytes(nal);
        }
    }

    private static void check(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0.." + max + ": " + value);
        }
    }

    private static List<byte[]> checkNals(List<byte[]> nals, int max, String field) {
        List<byte[]> copy = List.copyOf(nals);
        if (copy.size() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + ": " + copy.size());
        }
        for (byte[] nal : copy) {
            if (nal.length == 0 || nal.length > MAX_NAL_LENGTH) {
                throw new IllegalArgumentException("parameter sets are 1..65535 octets: " + nal.length);
            }
        }
        return copy;
    }

    private static String hex(List<byte[]> nals) {
        return nals.stream().map(HexFormat.of()::formatHex).toList().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvcDecoderConfigurationRecord r && profileIndication == r.profileIndication
                && profileCompatibility == r.profileCompatibility && levelIndication == r.levelIndication
                && nalLengthSize == r.nalLengthSize && H264Nal.equal(sequenceParameterSets, r.sequenceParameterSets)
                && H264Nal.equal(pictureParameterSets, r.pictureParameterSets)
                && Objects.equals(highProfile, r.highProfile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileIndication, profileCompatibility, levelIndication, nalLengthSize, highProfile)
                ^ 31 * H264Nal.hash(sequenceParameterSets) ^ H264Nal.hash(pictureParameterSets);
    }

    @Override
    public String toString() {
        return "AvcDecoderConfigurationRecord[profile=" + profileIndication + ", compatibility=" + profileCompatibility
                + ", level=" + levelIndication + ", nalLengthSize=" + nalLengthSize + ", sps="
                + hex(sequenceParameterSets) + ", pps=" + hex(pictureParameterSets) + ", highProfile=" + highProfile + "]";
    }

    /** Reads the record octet by octet; every read names its field. */
    private static final class Cursor {
        private final byte[] data;
        private int at;

        Cursor(byte[] data) {
            this.data = data;
        }

        int left() {
            return data.length - at;
        }

        int u8(String field) {
            if (at >= data.length) {
                throw new PayloadFormatException(field, "record ends at octet " + at);
            }
            return data[at++] & 0xFF;
        }

        /** {@code count} NAL units, each after a 16-bit length; {@code type} -1 accepts any type. */
        List<byte[]> nals(int count, String lengthField, int type) {
            List<byte[]> nals = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = u8(lengthField) << 8 | u8(lengthField);
                if (length == 0 || length > left()) {
                    throw new PayloadFormatException(lengthField, length + " octets at " + (at - 2) + ", " + left()
                            + " left");
                }
                byte[] nal = Arrays.copyOfRange(data, at, at + length);
                at += length;
                if (type >= 0 && H264Nal.type(nal) != type) {
                    throw new PayloadFormatException(lengthField.replace("Length", "NALUnit"), "NAL unit type "
                            + H264Nal.type(nal) + ", expected " + type);
                }
                nals.add(nal);
            }
            return nals;
        }
    }
}
