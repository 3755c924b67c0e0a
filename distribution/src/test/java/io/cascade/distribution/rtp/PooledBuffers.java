// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Pooled direct buffers as the relay uses them, so tests go through leak tracking (heap
 * buffers from {@code Unpooled.wrappedBuffer} are not tracked). Every buffer handed out here
 * must be released by the test.
 */
public final class PooledBuffers {
    /** The allocator the tests use. */
    public static final PooledByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private PooledBuffers() {
    }

    /** A pooled direct buffer holding {@code octets}, reader index 0. */
    public static ByteBuf of(byte[] octets) {
        return ALLOC.directBuffer(octets.length).writeBytes(octets);
    }

    /** A pooled direct buffer with {@code headroom} octets before the reader index. */
    public static ByteBuf withHeadroom(int headroom, byte[] octets) {
        ByteBuf buf = ALLOC.directBuffer(headroom + octets.length);
        buf.writerIndex(headroom).readerIndex(headroom);
        return buf.writeBytes(octets);
    }

    /** A pooled direct buffer for writing. */
    public static ByteBuf empty() {
        return ALLOC.directBuffer();
    }

    /** The readable bytes, without moving the reader index. */
    public static byte[] readable(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }
}
