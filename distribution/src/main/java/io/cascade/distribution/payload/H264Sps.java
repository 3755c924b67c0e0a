// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.HexFormat;
import java.util.Set;

/**
 * The fields of an H.264 sequence parameter set (ISO/IEC 14496-10 §7.3.2.1.1, semantics
 * §7.4.2.1.1) that a packager needs: profile, constraint flags and level (for the RFC 6381
 * {@code codecs} string and the avcC box), chroma format and bit depth, the picture size after
 * cropping, and the VUI timing (§E.1.1) when present. Fields needed only to decode slices are
 * read past, not kept.
 *
 * <p>Design notes. Parsing works on the RBSP (emulation prevention removed, {@link H264Nal#toRbsp})
 * and names the syntax element that failed. Ranges are checked where the semantics bound a value
 * this class uses or needs to keep reading; the picture size is capped at 1055 macroblocks a side,
 * the largest any level allows (Annex A.3.1: {@code PicWidthInMbs <= Sqrt(MaxFS * 8)} with MaxFS
 * 139264 at level 6.2), so derived sizes cannot overflow. A VUI cut short before its timing is
 * tolerated and yields no timing, as FFmpeg does ("Truncated VUI"): encoders have shipped such
 * parameter sets and they decode.
 *
 * @param profileIdc         profile_idc: 66 Baseline, 77 Main, 100 High, ...
 * @param constraintFlags    the octet after profile_idc: constraint_set0_flag (0x80) to
 *                           constraint_set5_flag (0x04) and reserved_zero_2bits
 * @param levelIdc           level_idc, ten times the level (31 is level 3.1)
 * @param seqParameterSetId  seq_parameter_set_id, 0..31
 * @param chromaFormatIdc    chroma_format_idc: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4 (1 unless a
 *                           High-family profile says otherwise)
 * @param separateColourPlane separate_colour_plane_flag (4:4:4 coded as three monochrome planes)
 * @param bitDepthLuma       BitDepthY, 8..14
 * @param bitDepthChroma     BitDepthC, 8..14
 * @param frameMbsOnly       frame_mbs_only_flag: false when fields may be coded (interlace)
 * @param picWidthInMbs      PicWidthInMbs, pic_width_in_mbs_minus1 + 1
 * @param picHeightInMapUnits PicHeightInMapUnits, pic_height_in_map_units_minus1 + 1 (map units
 *                           are macroblock pairs when frame_mbs_only_flag is 0)
 * @param crop               frame cropping offsets, all 0 when frame_cropping_flag is 0
 * @param timing             VUI timing, or {@code null} when absent
 */
public record H264Sps(int profileIdc, int constraintFlags, int levelIdc, int seqParameterSetId,
        int chromaFormatIdc, boolean separateColourPlane, int bitDepthLuma, int bitDepthChroma,
        boolean frameMbsOnly, int picWidthInMbs, int picHeightInMapUnits, Crop crop, Timing timing) {

    /** Annex A.3.1 (see the class notes): no level allows a wider or taller picture. */
    public static final int MAX_MBS_PER_SIDE = 1055;

    /** §7.3.2.1.1: profiles whose SPS carries chroma_format_idc, bit depths and scaling lists. */
    static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    /**
     * frame_crop_{left,right,top,bottom}_offset, in crop units (§7.4.2.1.1: 2 luma samples
     * horizontally and 2 or 4 lines vertically for 4:2:0).
     */
    public record Crop(int left, int right, int top, int bottom) {
        /** No cropping. */
        public static final Crop NONE = new Crop(0, 0, 0, 0);
    }

    /**
     * VUI timing_info (§E.1.1, semantics §E.2.1): {@code timeScale} ticks per second, a tick
     * being {@code numUnitsInTick} units; a frame lasts two ticks for progressive video.
     *
     * @param numUnitsInTick num_units_in_tick, 32 bits, never 0
     * @param timeScale      time_scale, 32 bits, never 0
     * @param fixedFrameRate fixed_frame_rate_flag
     */
    public record Timing(long numUnitsInTick, long timeScale, boolean fixedFrameRate) {
        /** Frames per second: {@code time_scale / (2 * num_units_in_tick)}, §E.2.1. */
        public double frameRate() {
            return timeScale / (2.0 * numUnitsInTick);
        }
    }

    /**
     * Parses an SPS NAL unit, header included, as carried in an avcC box, a STAP-A or an Annex B
     * stream (emulation prevention bytes still in).
     *
     * @throws PayloadFormatException naming the syntax element that is missing or out of range;
     *     {@code nal_unit_type} when the NAL unit is not an SPS
     */
    public static H264Sps parse(byte[] nal) {
        if (nal.length == 0 || H264Nal.type(nal) != H264Nal.SPS) {
            throw new PayloadFormatException("nal_unit_type", "not a sequence parameter set: "
                    + (nal.length == 0 ? "empty" : "type " + H264Nal.type(nal)));
        }
        BitReader r = new BitReader(H264Nal.toRbsp(nal, 1, nal.length));
        int profileIdc = r.readBits(8, "profile_idc");
        int constraintFlags = r.readBits(8, "constraint_set_flags");
        int levelIdc = r.readBits(8, "level_idc");
        int spsId = r.readUe("seq_parameter_set_id", 0, 31);
        ChromaFormat chroma = HIGH_PROFILES.contains(profileIdc) ? ChromaFormat.read(r) : ChromaFormat.DEFAULT;
        r.readUe("log2_max_frame_num_minus4", 0, 12);
        skipPictureOrderCount(r);
        r.readUe("max_num_ref_frames");
        r.readFlag("gaps_in_frame_num_value_allowed_flag");
        int widthInMbs = 1 + r.readUe("pic_width_in_mbs_minus1", 0, MAX_MBS_PER_SIDE - 1);
        int heightInMapUnits = 1 + r.readUe("pic_height_in_map_units_minus1", 0, MAX_MBS_PER_SIDE - 1);
        boolean frameMbsOnly = r.readFlag("frame_mbs_only_flag");
        if (!frameMbsOnly) {
            r.readFlag("mb_adaptive_frame_field_flag");
        }
        r.readFlag("direct_8x8_inference_flag");
        Crop crop = Crop.NONE;
        if (r.readFlag("frame_cropping_flag")) {
            crop = new Crop(r.readUe("frame_crop_left_offset"), r.readUe("frame_crop_right_offset"),
                    r.readUe("frame_crop_top_offset"), r.readUe("frame_crop_bottom_offset"));
        }
        Timing timing = r.readFlag("vui_parameters_present_flag") ? VuiTiming.read(r) : null;
        H264Sps sps = new H264Sps(profileIdc, constraintFlags, levelIdc, spsId, chroma.idc, chroma.separatePlanes,
                chroma.bitDepthLuma, chroma.bitDepthChroma, frameMbsOnly, widthInMbs, heightInMapUnits, crop, timing);
        sps.checkCrop();
        return sps;
    }

    /** The fields only High-family profiles code, with the values the others imply (§7.4.2.1.1). */
    private record ChromaFormat(int idc, boolean separatePlanes, int bitDepthLuma, int bitDepthChroma) {
        static final ChromaFormat DEFAULT = new ChromaFormat(1, false, 8, 8);

        static ChromaFormat read(BitReader r) {
            int idc = r.readUe("chroma_format_idc", 0, 3);
            boolean separate = idc == 3 && r.readFlag("separate_colour_plane_flag");
            int luma = 8 + r.readUe("bit_depth_luma_minus8", 0, 6);
            int chroma = 8 + r.readUe("bit_depth_chroma_minus8", 0, 6);
            r.readFlag("qpprime_y_zero_transform_bypass_flag");
            if (r.readFlag("seq_scaling_matrix_present_flag")) {
                skipScalingLists(r, idc != 3 ? 8 : 12);
            }
            return new ChromaFormat(idc, separate, luma, chroma);
        }
    }

    /** scaling_list() (§7.3.2.1.1.1) for each present list: read past, the values are not kept. */
    private static void skipScalingLists(BitReader r, int count) {
        for (int i = 0; i < count; i++) {
            if (!r.readFlag("seq_scaling_list_present_flag")) {
                continue;
            }
            int size = i < 6 ? 16 : 64;
            int lastScale = 8;
            int nextScale = 8;
            for (int j = 0; j < size && nextScale != 0; j++) {
                int delta = r.readSe("delta_scale");
                if (delta < -128 || delta > 127) {
                    throw new PayloadFormatException("delta_scale", "must be -128..127, got " + delta);
                }
                nextScale = (lastScale + delta + 256) % 256;
                lastScale = nextScale == 0 ? lastScale : nextScale;
            }
        }
    }

    /** pic_order_cnt_type and what depends on it (§7.3.2.1.1), read past. */
    private static void skipPictureOrderCount(BitReader r) {
        int type = r.readUe("pic_order_cnt_type", 0, 2);
        if (type == 0) {
            r.readUe("log2_max_pic_order_cnt_lsb_minus4", 0, 12);
        } else if (type == 1) {
            r.readFlag("delta_pic_order_always_zero_flag");
            r.readSe("offset_for_non_ref_pic");
            r.readSe("offset_for_top_to_bottom_field");
            int cycle = r.readUe("num_ref_frames_in_pic_order_cnt_cycle", 0, 255);
            for (int i = 0; i < cycle; i++) {
                r.readSe("offset_for_ref_frame");
            }
        }
    }

    /** §7.4.2.1.1: the crop window must leave at least one sample each way. */
    private void checkCrop() {
        if ((long) cropUnitX() * ((long) crop.left + crop.right) >= 16L * picWidthInMbs) {
            throw new PayloadFormatException("frame_crop_right_offset", "crop " + crop.left + "+" + crop.right
                    + " units leaves no width of " + 16 * picWidthInMbs);
        }
        if ((long) cropUnitY() * ((long) crop.top + crop.bottom) >= 16L * frameHeightInMbs()) {
            throw new PayloadFormatException("frame_crop_bottom_offset", "crop " + crop.top + "+" + crop.bottom
                    + " units leaves no height of " + 16 * frameHeightInMbs());
        }
    }

    /** ChromaArrayType (§7.4.2.1.1): 0 for monochrome or separately coded planes. */
    public int chromaArrayType() {
        return separateColourPlane ? 0 : chromaFormatIdc;
    }

    /** FrameHeightInMbs = (2 - frame_mbs_only_flag) * PicHeightInMapUnits (§7.4.2.1.1). */
    public int frameHeightInMbs() {
        return (frameMbsOnly ? 1 : 2) * picHeightInMapUnits;
    }

    /** CropUnitX: 1 without chroma subsampling across, else SubWidthC = 2 (Table 6-1). */
    private int cropUnitX() {
        int type = chromaArrayType();
        return type == 1 || type == 2 ? 2 : 1;
    }

    /** CropUnitY: SubHeightC (2 for 4:2:0, else 1) times 2 when fields may be coded. */
    private int cropUnitY() {
        int fieldFactor = frameMbsOnly ? 1 : 2;
        return chromaArrayType() == 1 ? 2 * fieldFactor : fieldFactor;
    }

    /** Width in luma samples after cropping. */
    public int width() {
        return 16 * picWidthInMbs - cropUnitX() * (crop.left + crop.right);
    }

    /** Height in luma samples (frame lines) after cropping. */
    public int height() {
        return 16 * frameHeightInMbs() - cropUnitY() * (crop.top + crop.bottom);
    }

    /** Frames per second from the VUI timing, or NaN when the SPS has none. */
    public double frameRate() {
        return timing == null ? Double.NaN : timing.frameRate();
    }

    /**
     * The RFC 6381 §3.3 {@code codecs} parameter, {@code avc1.PPCCLL}: profile_idc, the
     * constraint octet and level_idc in hex, e.g. {@code avc1.64001f} for High at level 3.1.
     */
    public String codecs() {
        return "avc1." + HexFormat.of().toHexDigits((byte) profileIdc) + HexFormat.of().toHexDigits((byte) constraintFlags)
                + HexFormat.of().toHexDigits((byte) levelIdc);
    }
}
