// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * Reads bits from a NAL unit's payload, dropping emulation prevention bytes as it goes
 * (ITU-T H.264 §7.4.1: in {@code 00 00 03}, the {@code 03} is not payload), with Exp-Golomb
 * {@code ue(v)} per §9.1.
 */
final class RbspReader {

    private final byte[] data;
    private final int end;
    private int pos;
    private int bit;
    private int zeros;
    private int current;

    /** Reads {@code data[offset, offset + length)}, which starts after the NAL header byte. */
    RbspReader(byte[] data, int offset, int length) {
        this.data = data;
        this.end = offset + length;
        this.pos = offset;
        this.bit = 8;
    }

    int u(int bits, String field) throws MalformedH264Exception {
        int value = 0;
        for (int i = 0; i < bits; i++) {
            value = (value << 1) | readBit(field);
        }
        return value;
    }

    int ue(String field) throws MalformedH264Exception {
        int leadingZeros = 0;
        while (readBit(field) == 0) {
            if (++leadingZeros > 31) {
                throw new MalformedH264Exception(field + ": Exp-Golomb code longer than 32 bits");
            }
        }
        return (int) ((1L << leadingZeros) - 1 + (leadingZeros == 0 ? 0 : u(leadingZeros, field)));
    }

    private int readBit(String field) throws MalformedH264Exception {
        if (bit == 8) {
            nextByte(field);
        }
        return (current >> (7 - bit++)) & 1;
    }

    private void nextByte(String field) throws MalformedH264Exception {
        if (pos >= end) {
            throw new MalformedH264Exception(field + ": NAL unit ends early");
        }
        int b = data[pos++] & 0xff;
        if (zeros >= 2 && b == 3) {
            zeros = 0;
            nextByte(field);
            return;
        }
        zeros = b == 0 ? zeros + 1 : 0;
        current = b;
        bit = 0;
    }
}
