// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * AVCDecoderConfigurationRecord, ISO/IEC 14496-15 §5.3.3.1: the out-of-band H.264 config of MP4
 * ({@code avcC}), FLV/RTMP (AVC sequence header) and WebCodecs ({@code description}).
 *
 * <pre>
 * configurationVersion(8) = 1, AVCProfileIndication(8), profile_compatibility(8), AVCLevelIndication(8),
 * reserved(6) = 111111b, lengthSizeMinusOne(2),
 * reserved(3) = 111b, numOfSequenceParameterSets(5), { length(16), SPS NAL }*,
 * numOfPictureParameterSets(8), { length(16), PPS NAL }*,
 * if profile in {100, 110, 122, 144}:
 *   reserved(6), chroma_format(2), reserved(5), bit_depth_luma_minus8(3),
 *   reserved(5), bit_depth_chroma_minus8(3), numOfSequenceParameterSetExt(8), { length(16), NAL }*
 * </pre>
 *
 * The trailing High-profile block is optional on decode: many muxers (older FFmpeg, Flash-era
 * encoders) omit it, and decoders ignore it. On encode it is written with values from the SPS.
 *
 * @param sps SPS NAL units, header byte included, without start codes or lengths
 * @param pps PPS NAL units, likewise
 */
public record AvcConfigurationRecord(int profile, int compatibility, int level, int lengthSize,
        List<byte[]> sps, List<byte[]> pps, int chromaFormat, int bitDepthLumaMinus8, int bitDepthChromaMinus8) {

    public AvcConfigurationRecord {
        Avcc.checkLengthSize(lengthSize);
        sps = List.copyOf(Objects.requireNonNull(sps, "sps"));
        pps = List.copyOf(Objects.requireNonNull(pps, "pps"));
        if (sps.isEmpty() || sps.size() > 31) {
            throw new IllegalArgumentException("numOfSequenceParameterSets must be 1..31, got " + sps.size());
        }
        if (pps.isEmpty() || pps.size() > 255) {
            throw new IllegalArgumentException("numOfPictureParameterSets must be 1..255, got " + pps.size());
        }
    }

    /** Builds the record from parameter sets, taking profile, level and the High fields from the first SPS. */
    public static AvcConfigurationRecord of(List<byte[]> sps, List<byte[]> pps, int lengthSize)
            throws MalformedH264Exception {
        if (sps.isEmpty()) {
            throw new MalformedH264Exception("numOfSequenceParameterSets: no SPS");
        }
        if (pps.isEmpty()) {
            throw new MalformedH264Exception("numOfPictureParameterSets: no PPS");
        }
        byte[] first = sps.get(0);
        SpsSummary s = SpsSummary.parse(first, 0, first.length);
        return new AvcConfigurationRecord(s.profileIdc(), s.constraintFlags(), s.levelIdc(), lengthSize, sps, pps,
                s.chromaFormatIdc(), s.bitDepthLumaMinus8(), s.bitDepthChromaMinus8());
    }

    public static AvcConfigurationRecord decode(byte[] record) throws MalformedH264Exception {
        Cursor c = new Cursor(record);
        int version = c.u8("configurationVersion");
        if (version != 1) {
            throw new MalformedH264Exception("configurationVersion: " + version + ", expected 1");
        }
        int profile = c.u8("AVCProfileIndication");
        int compatibility = c.u8("profile_compatibility");
        int level = c.u8("AVCLevelIndication");
        int lengthSize = (c.u8("lengthSizeMinusOne") & 0x3) + 1;
        if (lengthSize == 3) {
            throw new MalformedH264Exception("lengthSizeMinusOne: 2 is reserved");
        }
        List<byte[]> sps = c.nals(c.u8("numOfSequenceParameterSets") & 0x1f, "sequenceParameterSetLength");
        List<byte[]> pps = c.nals(c.u8("numOfPictureParameterSets"), "pictureParameterSetLength");
        if (sps.isEmpty() || pps.isEmpty()) {
            throw new MalformedH264Exception("numOf" + (sps.isEmpty() ? "Sequence" : "Picture")
                    + "ParameterSets: 0");
        }
        int chroma = 1;
        int luma = 0;
        int chromaDepth = 0;
        if (hasHighBlock(profile) && c.remaining() >= 4) {
            chroma = c.u8("chroma_format") & 0x3;
            luma = c.u8("bit_depth_luma_minus8") & 0x7;
            chromaDepth = c.u8("bit_depth_chroma_minus8") & 0x7;
            c.nals(c.u8("numOfSequenceParameterSetExt"), "sequenceParameterSetExtLength");
        }
        return new AvcConfigurationRecord(profile, compatibility, level, lengthSize, sps, pps, chroma, luma,
                chromaDepth);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(1);
        out.write(profile);
        out.write(compatibility);
        out.write(level);
        out.write(0xfc | (lengthSize - 1));
        out.write(0xe0 | sps.size());
        sps.forEach(nal -> writeNal(out, nal));
        out.write(pps.size());
        pps.forEach(nal -> writeNal(out, nal));
        if (hasHighBlock(profile)) {
            out.write(0xfc | chromaFormat);
            out.write(0xf8 | bitDepthLumaMinus8);
            out.write(0xf8 | bitDepthChromaMinus8);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** SPS then PPS as Annex B (4-byte start codes): what a decoder needs before the first IDR. */
    public byte[] parameterSetsAnnexB() {
        NalWriter w = new NalWriter(64);
        sps.forEach(n -> w.appendAnnexB(n, 0, n.length));
        pps.forEach(n -> w.appendAnnexB(n, 0, n.length));
        return w.toByteArray();
    }

    /** Profiles whose record carries the chroma/bit-depth block (§5.3.3.1.2). */
    private static boolean hasHighBlock(int profile) {
        return profile == 100 || profile == 110 || profile == 122 || profile == 144;
    }

    private static void writeNal(ByteArrayOutputStream out, byte[] nal) {
        if (nal.length > 0xffff) {
            throw new IllegalArgumentException("parameter set of " + nal.length + " B exceeds 16-bit length");
        }
        out.write(nal.length >>> 8);
        out.write(nal.length);
        out.writeBytes(nal);
    }

    /** Reads fields in order, naming the one that runs off the end. */
    private static final class Cursor {
        private final byte[] data;
        private int at;

        Cursor(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - at;
        }

        int u8(String field) throws MalformedH264Exception {
            if (at >= data.length) {
                throw new MalformedH264Exception(field + ": record ends at byte " + at);
            }
            return data[at++] & 0xff;
        }

        List<byte[]> nals(int count, String lengthField) throws MalformedH264Exception {
            List<byte[]> nals = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = (u8(lengthField) << 8) | u8(lengthField);
                if (length == 0 || length > remaining()) {
                    throw new MalformedH264Exception(lengthField + "[" + i + "]: " + length + ", " + remaining()
                            + " bytes left");
                }
                nals.add(java.util.Arrays.copyOfRange(data, at, at + length));
                at += length;
            }
            return nals;
        }
    }
}
