// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.Arrays;

/**
 * Writes ISO BMFF boxes (ISO/IEC 14496-12 §4.2) into a growable array: {@link #box} opens a box
 * with a placeholder 32-bit size, {@link #end} patches it. Full boxes add version and flags.
 * Integers are big-endian, as everywhere in ISO BMFF.
 */
final class BoxWriter {
    private byte[] buf;
    private int pos;
    private final int[] open = new int[16];
    private int depth;

    BoxWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** §4.2 Box: size(32) + type(32); size is patched by {@link #end()}. */
    BoxWriter box(String type) {
        if (depth == open.length) {
            throw new IllegalStateException("boxes nested too deep");
        }
        open[depth++] = pos;
        u32(0);
        return fourcc(type);
    }

    /** §4.2 FullBox: a box followed by version(8) and flags(24). */
    BoxWriter fullBox(String type, int version, int flags) {
        box(type);
        u8(version);
        return u24(flags);
    }

    BoxWriter end() {
        int start = open[--depth];
        patchU32(start, pos - start);
        return this;
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    BoxWriter u24(int v) {
        u8(v >>> 16);
        return u16(v);
    }

    BoxWriter u32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    BoxWriter u64(long v) {
        u32(v >>> 32);
        return u32(v & 0xFFFFFFFFL);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        pos += n;                           // the array is zero-filled and never reused
        return this;
    }

    BoxWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** A four-character code; {@code type} must be 4 ASCII characters. */
    BoxWriter fourcc(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("fourcc: " + type);
        }
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[pos++] = (byte) type.charAt(i);
        }
        return this;
    }

    /** The 3x3 unity transformation matrix of {@code mvhd} and {@code tkhd} (16.16, 16.16, 2.30). */
    BoxWriter unityMatrix() {
        return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
    }

    int position() {
        return pos;
    }

    void patchU32(int at, long v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " boxes still open");
        }
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
