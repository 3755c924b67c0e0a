// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * Reads vui_parameters() (ISO/IEC 14496-10 §E.1.1) up to and including timing_info, the part
 * before the HRD parameters; what follows is not needed to package a stream and is not read.
 */
final class VuiTiming {
    /** aspect_ratio_idc value that is followed by an explicit sar_width and sar_height. */
    private static final int EXTENDED_SAR = 255;

    private VuiTiming() {
    }

    /**
     * The timing, or {@code null} when absent, zero (§E.2.1 requires both numbers above 0) or
     * cut off by the end of the RBSP (tolerated, see {@link H264Sps}).
     */
    static H264Sps.Timing read(BitReader r) {
        try {
            return readUpToTiming(r);
        } catch (PayloadFormatException truncated) {
            // Nothing below is range-checked: only running out of bits (or an Exp-Golomb code too
            // long to be real, which is how garbage after a cut usually reads) gets here.
            return null;
        }
    }

    private static H264Sps.Timing readUpToTiming(BitReader r) {
        if (r.readFlag("aspect_ratio_info_present_flag")
                && r.readBits(8, "aspect_ratio_idc") == EXTENDED_SAR) {
            r.skipBits(16, "sar_width");
            r.skipBits(16, "sar_height");
        }
        if (r.readFlag("overscan_info_present_flag")) {
            r.readFlag("overscan_appropriate_flag");
        }
        if (r.readFlag("video_signal_type_present_flag")) {
            r.skipBits(3, "video_format");
            r.readFlag("video_full_range_flag");
            if (r.readFlag("colour_description_present_flag")) {
                r.skipBits(8, "colour_primaries");
                r.skipBits(8, "transfer_characteristics");
                r.skipBits(8, "matrix_coefficients");
            }
        }
        if (r.readFlag("chroma_loc_info_present_flag")) {
            r.readUe("chroma_sample_loc_type_top_field");
            r.readUe("chroma_sample_loc_type_bottom_field");
        }
        if (!r.readFlag("timing_info_present_flag")) {
            return null;
        }
        long numUnitsInTick = r.readUnsigned(32, "num_units_in_tick");
        long timeScale = r.readUnsigned(32, "time_scale");
        boolean fixed = r.readFlag("fixed_frame_rate_flag");
        return numUnitsInTick == 0 || timeScale == 0 ? null : new H264Sps.Timing(numUnitsInTick, timeScale, fixed);
    }
}
