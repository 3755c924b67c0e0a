// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * NAL unit header fields, ITU-T H.264 §7.3.1 / §7.4.1: one byte,
 * {@code forbidden_zero_bit(1) nal_ref_idc(2) nal_unit_type(5)}. Types from Table 7-1.
 */
public final class NalUnit {

    /** Coded slice of a non-IDR picture. */
    public static final int SLICE = 1;
    /** Coded slice of an IDR picture. */
    public static final int IDR = 5;
    /** Supplemental enhancement information. */
    public static final int SEI = 6;
    /** Sequence parameter set. */
    public static final int SPS = 7;
    /** Picture parameter set. */
    public static final int PPS = 8;
    /** Access unit delimiter. */
    public static final int AUD = 9;

    private NalUnit() {
    }

    /** {@code nal_unit_type} of the NAL whose header byte is {@code header}. */
    public static int type(byte header) {
        return header & 0x1f;
    }
}
