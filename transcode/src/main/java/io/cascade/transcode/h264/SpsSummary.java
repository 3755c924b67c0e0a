// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * The leading fields of a sequence parameter set, ITU-T H.264 §7.3.2.1.1, as far as the
 * AVCDecoderConfigurationRecord needs them: profile, constraint flags, level, and for the High
 * profiles the chroma format and bit depths (which otherwise default to 4:2:0, 8 bit, §7.4.2.1.1).
 */
public record SpsSummary(int profileIdc, int constraintFlags, int levelIdc, int chromaFormatIdc,
        int bitDepthLumaMinus8, int bitDepthChromaMinus8) {

    /** Parses the SPS NAL unit {@code nal[offset, offset + length)}, header byte included. */
    public static SpsSummary parse(byte[] nal, int offset, int length) throws MalformedH264Exception {
        if (length < 4) {
            throw new MalformedH264Exception("seq_parameter_set_rbsp: " + length + " B, need at least 4");
        }
        if (NalUnit.type(nal[offset]) != NalUnit.SPS) {
            throw new MalformedH264Exception("nal_unit_type: " + NalUnit.type(nal[offset]) + ", expected 7 (SPS)");
        }
        RbspReader r = new RbspReader(nal, offset + 1, length - 1);
        int profile = r.u(8, "profile_idc");
        int constraints = r.u(8, "constraint_set_flags");
        int level = r.u(8, "level_idc");
        r.ue("seq_parameter_set_id");
        if (!hasChromaInfo(profile)) {
            return new SpsSummary(profile, constraints, level, 1, 0, 0);
        }
        int chroma = r.ue("chroma_format_idc");
        if (chroma > 3) {
            throw new MalformedH264Exception("chroma_format_idc: " + chroma + ", must be 0..3");
        }
        if (chroma == 3) {
            r.u(1, "separate_colour_plane_flag");
        }
        int luma = r.ue("bit_depth_luma_minus8");
        int chromaDepth = r.ue("bit_depth_chroma_minus8");
        if (luma > 6 || chromaDepth > 6) {
            throw new MalformedH264Exception("bit_depth_*_minus8: " + luma + "/" + chromaDepth + ", must be 0..6");
        }
        return new SpsSummary(profile, constraints, level, chroma, luma, chromaDepth);
    }

    /** Profiles whose SPS carries chroma_format_idc and bit depths (§7.3.2.1.1). */
    static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }
}
