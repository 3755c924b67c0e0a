// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

/**
 * The fields of an H.264 sequence parameter set that ingest reports (ITU-T H.264 §7.3.2.1.1),
 * and the picture size they give after frame cropping (§7.4.2.1.1). Only what precedes the
 * cropping rectangle is parsed; VUI is not.
 *
 * @param profileIdc       profile_idc (66 baseline, 77 main, 100 high, ...)
 * @param constraintFlags  the byte holding constraint_set0..5_flag and reserved bits
 * @param levelIdc         level_idc (31 means level 3.1)
 * @param spsId            seq_parameter_set_id
 * @param chromaFormatIdc  chroma_format_idc (1 is 4:2:0; 1 when not coded)
 * @param bitDepthLuma     BitDepthY (8 when not coded)
 * @param frameMbsOnly     frame_mbs_only_flag (false: fields may be coded)
 * @param width            the cropped width in luma samples
 * @param height           the cropped height in luma samples
 */
public record AvcSequenceParameterSet(int profileIdc, int constraintFlags, int levelIdc, int spsId,
        int chromaFormatIdc, int bitDepthLuma, boolean frameMbsOnly, int width, int height) {
    /** NAL unit type of an SPS (Table 7-1). */
    public static final int NAL_TYPE_SPS = 7;
    /** Larger than any level's picture (level 6.2 allows 139264 macroblocks, 8192 x 4320). */
    private static final long MAX_DIMENSION = 16384;

    /** Parses an SPS NAL unit, header byte included. */
    public static AvcSequenceParameterSet decode(byte[] nal) {
        if (nal.length < 4) {
            throw new FlvFormatException("sps", "shorter than 4 bytes");
        }
        int nalType = nal[0] & 0x1F;
        if (nalType != NAL_TYPE_SPS) {
            throw new FlvFormatException("nal_unit_type", "expected 7 (SPS), was " + nalType);
        }
        RbspBitReader r = RbspBitReader.ofNalUnit(nal, 1);
        int profile = (int) r.bits(8, "profile_idc");
        int constraints = (int) r.bits(8, "constraint_flags");
        int level = (int) r.bits(8, "level_idc");
        int id = (int) r.ue("seq_parameter_set_id");
        if (id > 31) {
            throw new FlvFormatException("seq_parameter_set_id", "above 31: " + id);
        }
        int chroma = 1;
        int bitDepth = 8;
        boolean separatePlanes = false;
        if (hasChromaFields(profile)) {
            chroma = (int) range(r.ue("chroma_format_idc"), 3, "chroma_format_idc");
            if (chroma == 3) {
                separatePlanes = r.flag("separate_colour_plane_flag");
            }
            bitDepth = 8 + (int) range(r.ue("bit_depth_luma_minus8"), 6, "bit_depth_luma_minus8");
            range(r.ue("bit_depth_chroma_minus8"), 6, "bit_depth_chroma_minus8");
            r.flag("qpprime_y_zero_transform_bypass_flag");
            if (r.flag("seq_scaling_matrix_present_flag")) {
                skipScalingLists(r, chroma == 3 ? 12 : 8);
            }
        }
        range(r.ue("log2_max_frame_num_minus4"), 12, "log2_max_frame_num_minus4");
        skipPictureOrderCount(r);
        r.ue("max_num_ref_frames");
        r.flag("gaps_in_frame_num_value_allowed_flag");
        long widthMbs = r.ue("pic_width_in_mbs_minus1") + 1;
        long heightMapUnits = r.ue("pic_height_in_map_units_minus1") + 1;
        boolean frameMbsOnly = r.flag("frame_mbs_only_flag");
        if (!frameMbsOnly) {
            r.flag("mb_adaptive_frame_field_flag");
        }
        r.flag("direct_8x8_inference_flag");
        long[] crop = new long[4];
        if (r.flag("frame_cropping_flag")) {
            for (int i = 0; i < 4; i++) {
                crop[i] = r.ue("frame_crop_offset");
            }
        }
        int chromaArrayType = separatePlanes ? 0 : chroma;
        long fieldFactor = frameMbsOnly ? 1 : 2;
        // Table 6-1 and equations 7-19 to 7-22.
        long cropUnitX = chromaArrayType == 0 ? 1 : (chroma == 3 ? 1 : 2);
        long cropUnitY = (chromaArrayType == 0 ? 1 : (chroma == 1 ? 2 : 1)) * fieldFactor;
        long width = widthMbs * 16 - cropUnitX * (crop[0] + crop[1]);
        long height = fieldFactor * heightMapUnits * 16 - cropUnitY * (crop[2] + crop[3]);
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new FlvFormatException("frame_crop_offset", "picture size " + width + "x" + height + " out of range");
        }
        return new AvcSequenceParameterSet(profile, constraints, level, id, chroma, bitDepth, frameMbsOnly,
                (int) width, (int) height);
    }

    /** The profiles whose SPS codes chroma format and bit depth (§7.3.2.1.1). */
    private static boolean hasChromaFields(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** scaling_list() of §7.3.2.1.1.1, read and discarded: 16 entries for i < 6, 64 after. */
    private static void skipScalingLists(RbspBitReader r, int lists) {
        for (int i = 0; i < lists; i++) {
            if (!r.flag("seq_scaling_list_present_flag")) {
                continue;
            }
            int size = i < 6 ? 16 : 64;
            long last = 8;
            long next = 8;
            for (int j = 0; j < size && next != 0; j++) {
                long delta = r.se("delta_scale");
                next = Math.floorMod(last + delta + 256, 256);
                last = next == 0 ? last : next;
            }
        }
    }

    private static void skipPictureOrderCount(RbspBitReader r) {
        long type = range(r.ue("pic_order_cnt_type"), 2, "pic_order_cnt_type");
        if (type == 0) {
            range(r.ue("log2_max_pic_order_cnt_lsb_minus4"), 12, "log2_max_pic_order_cnt_lsb_minus4");
        } else if (type == 1) {
            r.flag("delta_pic_order_always_zero_flag");
            r.se("offset_for_non_ref_pic");
            r.se("offset_for_top_to_bottom_field");
            long cycle = range(r.ue("num_ref_frames_in_pic_order_cnt_cycle"), 255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (long i = 0; i < cycle; i++) {
                r.se("offset_for_ref_frame");
            }
        }
    }

    private static long range(long value, long max, String field) {
        if (value > max) {
            throw new FlvFormatException(field, "above " + max + ": " + value);
        }
        return value;
    }
}
