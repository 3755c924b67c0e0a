// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * Writes sequence parameter sets (ISO/IEC 14496-10 §7.3.2.1.1) field by field, for the branches
 * no encoder at hand produces: picture order count type 1, scaling lists, separate colour planes,
 * extended SAR, out-of-range values. Defaults: 640x368 frames, 4:2:0, 8 bits, no VUI.
 */
final class SyntheticSps {
    private final int profileIdc;
    private int spsId;
    private int chromaFormatIdc = 1;
    private boolean separatePlanes;
    private int scalingLists;
    private int pocType;
    private int widthInMbs = 40;
    private int heightInMbs = 23;
    private int[] crop;
    private boolean vuiPrefix;
    private long[] timing;

    SyntheticSps(int profileIdc) {
        this.profileIdc = profileIdc;
    }

    SyntheticSps spsId(int id) {
        this.spsId = id;
        return this;
    }

    SyntheticSps chroma(int formatIdc, boolean separate) {
        this.chromaFormatIdc = formatIdc;
        this.separatePlanes = separate;
        return this;
    }

    /** Writes {@code count} present scaling lists (8 or 12), each with a few deltas then 0. */
    SyntheticSps scalingLists(int count) {
        this.scalingLists = count;
        return this;
    }

    SyntheticSps pocType(int type) {
        this.pocType = type;
        return this;
    }

    /** Picture size in macroblocks. */
    SyntheticSps size(int widthMbs, int heightMbs) {
        this.widthInMbs = widthMbs;
        this.heightInMbs = heightMbs;
        return this;
    }

    SyntheticSps crop(int left, int right, int top, int bottom) {
        this.crop = new int[] {left, right, top, bottom};
        return this;
    }

    /** Puts extended SAR, overscan, a colour description and chroma location before the timing. */
    SyntheticSps vuiPrefix(boolean all) {
        this.vuiPrefix = all;
        return this;
    }

    SyntheticSps timing(long numUnitsInTick, long timeScale) {
        this.timing = new long[] {numUnitsInTick, timeScale};
        return this;
    }

    /** The NAL unit: header 0x67, the RBSP with its stop bit, emulation prevention applied. */
    byte[] nal() {
        BitWriter w = new BitWriter();
        w.writeBits(profileIdc, 8).writeBits(0, 8).writeBits(30, 8).writeUe(spsId);
        if (H264Sps.HIGH_PROFILES.contains(profileIdc)) {
            w.writeUe(chromaFormatIdc);
            if (chromaFormatIdc == 3) {
                w.writeFlag(separatePlanes);
            }
            w.writeUe(0).writeUe(0).writeFlag(false).writeFlag(scalingLists > 0);
            for (int i = 0; i < scalingLists; i++) {
                w.writeFlag(true).writeSe(-3).writeSe(5).writeSe(-8); // 8 -> 5 -> 10 -> 2, then 2 - 2 = 0 ends it
                w.writeSe(-2);
            }
        }
        w.writeUe(0).writeUe(pocType);
        if (pocType == 0) {
            w.writeUe(2);
        } else if (pocType == 1) {
            w.writeFlag(false).writeSe(-2).writeSe(1).writeUe(3).writeSe(4).writeSe(-4).writeSe(0);
        }
        w.writeUe(4).writeFlag(false).writeUe(widthInMbs - 1).writeUe(heightInMbs - 1);
        w.writeFlag(true).writeFlag(true); // frame_mbs_only_flag, direct_8x8_inference_flag
        w.writeFlag(crop != null);
        if (crop != null) {
            for (int offset : crop) {
                w.writeUe(offset);
            }
        }
        w.writeFlag(timing != null || vuiPrefix);
        if (timing != null || vuiPrefix) {
            writeVui(w);
        }
        w.writeFlag(true); // rbsp_stop_one_bit, then zero bits to the octet boundary
        byte[] escaped = H264Nal.fromRbsp(w.toByteArray());
        byte[] nal = new byte[1 + escaped.length];
        nal[0] = 0x67;
        System.arraycopy(escaped, 0, nal, 1, escaped.length);
        return nal;
    }

    private void writeVui(BitWriter w) {
        w.writeFlag(vuiPrefix);
        if (vuiPrefix) {
            w.writeBits(255, 8).writeBits(4, 16).writeBits(3, 16); // Extended_SAR 4:3
        }
        w.writeFlag(vuiPrefix);
        if (vuiPrefix) {
            w.writeFlag(false); // overscan_appropriate_flag
        }
        w.writeFlag(vuiPrefix);
        if (vuiPrefix) {
            w.writeBits(5, 3).writeFlag(false).writeFlag(true).writeBits(1, 8).writeBits(1, 8).writeBits(1, 8);
        }
        w.writeFlag(vuiPrefix);
        if (vuiPrefix) {
            w.writeUe(1).writeUe(1);
        }
        w.writeFlag(timing != null);
        if (timing != null) {
            w.writeBits(timing[0], 32).writeBits(timing[1], 32).writeFlag(true);
        }
        w.writeFlag(false).writeFlag(false).writeFlag(false).writeFlag(false); // no HRD, pic_struct, restriction
    }
}
