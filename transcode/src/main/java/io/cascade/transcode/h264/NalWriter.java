// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import java.util.Arrays;

/** A growable byte buffer that appends NAL units with a start code or a length prefix; reusable via {@link #reset}. */
public final class NalWriter {

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private byte[] buf;
    private int size;

    public NalWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The backing array; valid bytes are {@code [0, size())}. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void appendAnnexB(byte[] nal, int offset, int length) {
        append(START_CODE, 0, START_CODE.length);
        append(nal, offset, length);
    }

    public void appendLengthPrefixed(byte[] nal, int offset, int length, int lengthSize) {
        if (lengthSize < 4 && length >= 1L << (8 * lengthSize)) {
            throw new IllegalArgumentException("NAL of " + length + " B does not fit a " + lengthSize + "-byte length");
        }
        ensure(lengthSize);
        for (int i = lengthSize - 1; i >= 0; i--) {
            buf[size++] = (byte) (length >>> (8 * i));
        }
        append(nal, offset, length);
    }

    public void append(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buf, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
