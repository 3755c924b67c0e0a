// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * The byte stream format of ITU-T H.264 Annex B: each NAL unit is preceded by a start code
 * {@code 00 00 01} (optionally with a leading zero byte, §B.2 {@code zero_byte}). Emulation
 * prevention (§7.4.1) guarantees no start code occurs inside a NAL, so a scan for {@code 00 00 01}
 * splits the stream. Trailing zero bytes before the next start code ({@code trailing_zero_8bits})
 * belong to no NAL and are stripped.
 */
public final class AnnexB {

    private AnnexB() {
    }

    /** True when {@code data} begins with a 3- or 4-byte start code. */
    public static boolean startsWithStartCode(byte[] data) {
        return startCodeLength(data, 0) > 0;
    }

    /** Visits every NAL unit; bytes before the first start code are ignored (there are none in a valid stream). */
    public static void forEach(byte[] data, NalVisitor visitor) {
        forEach(data, 0, data.length, visitor);
    }

    /** Like {@link #forEach(byte[], NalVisitor)} over {@code data[from, to)}. */
    public static void forEach(byte[] data, int from, int to, NalVisitor visitor) {
        int start = nextNalStart(data, from, to);
        while (start >= 0 && start < to) {
            int next = nextNalStart(data, start, to);
            int end = next < 0 ? to : next - 3;
            while (end > start && data[end - 1] == 0) {
                end--;
            }
            if (end > start) {
                visitor.nal(data, start, end - start);
            }
            start = next;
        }
    }

    /** True when {@code data[0, length)} holds a coded slice of an IDR picture (nal_unit_type 5). */
    public static boolean containsIdr(byte[] data, int length) {
        int at = nextNalStart(data, 0, length);
        while (at >= 0 && at < length) {
            if (NalUnit.type(data[at]) == NalUnit.IDR) {
                return true;
            }
            at = nextNalStart(data, at, length);
        }
        return false;
    }

    /** Index just after the next {@code 00 00 01} at or after {@code from}, or -1. */
    static int nextNalStart(byte[] data, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (data[i + 2] > 1) {
                i += 2;
            } else if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    private static int startCodeLength(byte[] data, int at) {
        if (data.length >= at + 3 && data[at] == 0 && data[at + 1] == 0 && data[at + 2] == 1) {
            return 3;
        }
        if (data.length >= at + 4 && data[at] == 0 && data[at + 1] == 0 && data[at + 2] == 0
                && data[at + 3] == 1) {
            return 4;
        }
        return 0;
    }
}
