// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * Reads a big-endian bit string: fixed-width fields ({@code u(n)}, ISO/IEC 14496-10 §7.2) and
 * Exp-Golomb codes ({@code ue(v)}, {@code se(v)}, §9.1). Every read names the syntax element it
 * reads, so running out of bits throws a {@link PayloadFormatException} naming that element.
 * Used over an RBSP (emulation prevention already removed) or any other bit-packed structure.
 */
final class BitReader {
    /**
     * §9.1: a ue(v) code with more than 31 leading zero bits does not fit 32 bits; the largest
     * value any field we read may hold is far below 2^31, so 30 zeros (2^31 - 2) is the limit.
     */
    private static final int MAX_LEADING_ZEROS = 30;

    private final byte[] data;
    private final int end;
    private long position;

    /** Reads {@code data[offset, offset + length)}. */
    BitReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = 8L * offset;
        this.end = offset + length;
    }

    BitReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Bits not read yet. */
    long bitsLeft() {
        return 8L * end - position;
    }

    /** Reads {@code n} bits, 0..32, as an unsigned number (32 bits come back in an int as is). */
    int readBits(int n, String field) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("0..32 bits at a time: " + n);
        }
        require(n, field);
        int value = 0;
        for (int i = 0; i < n; i++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
            value = value << 1 | bit;
            position++;
        }
        return value;
    }

    /** Reads {@code n} bits, 0..32, as an unsigned long. */
    long readUnsigned(int n, String field) {
        return Integer.toUnsignedLong(readBits(n, field));
    }

    boolean readFlag(String field) {
        return readBits(1, field) == 1;
    }

    void skipBits(long n, String field) {
        require(n, field);
        position += n;
    }

    /** ue(v), §9.1: leading zeros, a one, then as many bits again; the value is 2^zeros - 1 + bits. */
    int readUe(String field) {
        int zeros = 0;
        while (!readFlag(field)) {
            if (++zeros > MAX_LEADING_ZEROS) {
                throw new PayloadFormatException(field, "Exp-Golomb code longer than " + MAX_LEADING_ZEROS
                        + " leading zero bits");
            }
        }
        return (1 << zeros) - 1 + readBits(zeros, field);
    }

    /** ue(v) that must lie in {@code [min, max]} (the range the semantics allow). */
    int readUe(String field, int min, int max) {
        int value = readUe(field);
        if (value < min || value > max) {
            throw new PayloadFormatException(field, "must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** se(v), §9.1.1: code k maps to (-1)^(k+1) * ceil(k / 2). */
    int readSe(String field) {
        int k = readUe(field);
        return (k & 1) == 1 ? (k >>> 1) + 1 : -(k >>> 1);
    }

    private void require(long n, String field) {
        if (n > bitsLeft()) {
            throw new PayloadFormatException(field, "needs " + n + " more bits, " + bitsLeft() + " left");
        }
    }
}
