// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Arrays;

/**
 * Writes a big-endian bit string, the inverse of {@link BitReader}: fixed-width fields and
 * Exp-Golomb codes (ISO/IEC 14496-10 §9.1). {@link #toByteArray()} pads the last octet with
 * zero bits.
 */
final class BitWriter {
    private byte[] data = new byte[16];
    private long position;

    /** Writes the low {@code n} bits of {@code value}, 0..32, most significant first. */
    BitWriter writeBits(long value, int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("0..32 bits at a time: " + n);
        }
        for (int i = n - 1; i >= 0; i--) {
            int at = (int) (position >>> 3);
            if (at == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            if (((value >>> i) & 1) != 0) {
                data[at] |= (byte) (0x80 >>> (position & 7));
            }
            position++;
        }
        return this;
    }

    BitWriter writeFlag(boolean flag) {
        return writeBits(flag ? 1 : 0, 1);
    }

    /** ue(v): {@code value + 1} in binary, preceded by one zero per bit after its leading one. */
    BitWriter writeUe(long value) {
        if (value < 0 || value > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("ue(v) holds 0..2^32-2: " + value);
        }
        long code = value + 1;
        int bits = 64 - Long.numberOfLeadingZeros(code);
        return writeBits(0, bits - 1).writeBits(code, bits);
    }

    /** se(v): positive k as 2k - 1, zero and negative k as -2k. */
    BitWriter writeSe(int value) {
        return writeUe(value > 0 ? 2L * value - 1 : -2L * value);
    }

    /** Bits written so far. */
    long bitLength() {
        return position;
    }

    /** The bits written, the last octet padded with zeros. */
    byte[] toByteArray() {
        return Arrays.copyOf(data, (int) ((position + 7) >>> 3));
    }
}
