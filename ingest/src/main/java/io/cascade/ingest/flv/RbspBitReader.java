// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import java.io.ByteArrayOutputStream;

/**
 * Reads the bits of an H.264 RBSP: the NAL unit payload with emulation prevention bytes removed
 * (ITU-T H.264 §7.3.1, §7.4.1: a 0x03 after two zero bytes is dropped), read MSB first, with the
 * fixed-length u(n) and Exp-Golomb ue(v)/se(v) descriptors of §7.2 and §9.1. Reading past the
 * end throws {@link FlvFormatException} naming the field.
 */
final class RbspBitReader {
    /** ue(v) values need at most 31 leading zeros to stay within 32 bits (§9.1). */
    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] rbsp;
    private long bit;

    private RbspBitReader(byte[] rbsp) {
        this.rbsp = rbsp;
    }

    /** Reads a NAL unit's bytes from {@code offset} on, removing emulation prevention bytes. */
    static RbspBitReader ofNalUnit(byte[] nal, int offset) {
        return new RbspBitReader(unescape(nal, offset));
    }

    /** Reads plain bits (no emulation prevention: MPEG-4 Audio configuration). */
    static RbspBitReader ofBits(byte[] data) {
        return new RbspBitReader(data);
    }

    private static byte[] unescape(byte[] nal, int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (int i = offset; i < nal.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 0x03) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }

    /** u(n), n up to 32. */
    long bits(int n, String field) {
        if (bit + n > (long) rbsp.length * 8) {
            throw new FlvFormatException(field, "past the end of the RBSP");
        }
        long value = 0;
        for (int i = 0; i < n; i++, bit++) {
            value = value << 1 | (rbsp[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
        }
        return value;
    }

    boolean flag(String field) {
        return bits(1, field) == 1;
    }

    /** ue(v), §9.1: leading zeros, a one, then as many bits; 0 to 2^32 - 2. */
    long ue(String field) {
        int zeros = 0;
        while (bits(1, field) == 0) {
            if (++zeros > MAX_LEADING_ZEROS) {
                throw new FlvFormatException(field, "Exp-Golomb code longer than 32 bits");
            }
        }
        return (1L << zeros) - 1 + bits(zeros, field);
    }

    /** se(v), §9.1.1: k maps to (-1)^(k+1) * ceil(k / 2). */
    long se(String field) {
        long k = ue(field);
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }
}
