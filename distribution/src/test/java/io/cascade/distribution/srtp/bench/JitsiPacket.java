// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp.bench;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * jitsi-srtp's packet abstraction over one preallocated array with room to append the tag, so
 * that its transforms do not allocate for us either. Test scope only.
 */
public final class JitsiPacket implements ByteArrayBuffer {
    private final byte[] buffer;
    private int length;

    public JitsiPacket(int capacity) {
        buffer = new byte[capacity];
    }

    /** Replaces the contents with {@code packet}. */
    public JitsiPacket set(byte[] packet) {
        System.arraycopy(packet, 0, buffer, 0, packet.length);
        length = packet.length;
        return this;
    }

    public byte[] bytes() {
        return java.util.Arrays.copyOf(buffer, length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return 0;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off != 0) {
            throw new UnsupportedOperationException("offset is fixed at 0");
        }
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (length + howMuch > buffer.length) {
            throw new IllegalStateException("JitsiPacket sized too small: " + buffer.length);
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length -= len;
    }
}
