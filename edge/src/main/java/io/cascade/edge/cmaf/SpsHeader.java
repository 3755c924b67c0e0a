// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * The leading fields of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) that the
 * AVCDecoderConfigurationRecord's high-profile extension repeats: chroma format and bit depths.
 * Width and height are taken as parameters by the packager, not parsed here.
 */
record SpsHeader(int profileIdc, int chromaFormatIdc, int bitDepthLumaMinus8, int bitDepthChromaMinus8) {

    /** Profiles whose SPS carries chroma_format_idc and bit depths (H.264 §7.3.2.1.1). */
    private static boolean hasChromaInfo(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    static SpsHeader parse(byte[] nal) {
        BitReader r = new BitReader(unescape(nal));
        r.skip(8);                          // NAL header
        int profile = r.bits(8);
        r.skip(16);                         // constraint flags, level_idc
        r.ue();                             // seq_parameter_set_id
        if (!hasChromaInfo(profile)) {
            return new SpsHeader(profile, 1, 0, 0);
        }
        int chroma = r.ue();
        if (chroma > 3) {
            throw new CmafFormatException("sps.chroma_format_idc", "value " + chroma);
        }
        if (chroma == 3) {
            r.skip(1);                      // separate_colour_plane_flag
        }
        int luma = r.ue();
        int chromaDepth = r.ue();
        if (luma > 7 || chromaDepth > 7) {
            throw new CmafFormatException("sps.bit_depth", "luma-8=" + luma + " chroma-8=" + chromaDepth);
        }
        return new SpsHeader(profile, chroma, luma, chromaDepth);
    }

    /** Removes emulation prevention bytes (H.264 §7.4.1: 0x000003 -> 0x0000). */
    static byte[] unescape(byte[] nal) {
        byte[] out = new byte[nal.length];
        int n = 0;
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = b;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Big-endian bit reader with Exp-Golomb (H.264 §9.1); reading past the end is a format error. */
    private static final class BitReader {
        private final byte[] data;
        private int bit;

        BitReader(byte[] data) {
            this.data = data;
        }

        int bits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (bit >= data.length * 8) {
                    throw new CmafFormatException("sps", "truncated");
                }
                v = (v << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
                bit++;
            }
            return v;
        }

        void skip(int n) {
            bits(n);
        }

        int ue() {
            int zeros = 0;
            while (bits(1) == 0) {
                if (++zeros > 16) {
                    throw new CmafFormatException("sps", "Exp-Golomb code too long");
                }
            }
            return (int) ((1L << zeros) - 1 + bits(zeros));
        }
    }
}
