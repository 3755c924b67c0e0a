// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The paged ring: what goes in comes out byte for byte, by sequence, until overwritten or too old. */
class RetransmissionCacheTest {
    private static final int STRIDE = 64;
    private final CountingAllocator alloc = new CountingAllocator();
    private final RetransmissionCache cache = new RetransmissionCache(256, 2000, STRIDE);

    @AfterEach
    void releaseAll() {
        cache.clear();
        assertThat(alloc.live()).as("every page and oversize copy released").isZero();
    }

    @Test
    void returnsTheStoredBytesBySequence() {
        for (int seq = 65_500; seq < 65_500 + 100; seq++) { // across the 16-bit wrap
            cache.put(seq & 0xffff, packet(seq, 20 + seq % 40), 0, 20 + seq % 40, 1000, alloc);
        }
        for (int seq = 65_500; seq < 65_500 + 100; seq++) {
            int s = seq & 0xffff;
            assertThat(cache.contains(s)).isTrue();
            assertThat(cache.lengthOf(s, 1500)).isEqualTo(20 + seq % 40);
            assertThat(copy(s)).isEqualTo(bytes(packet(seq, 20 + seq % 40)));
        }
        assertThat(cache.contains(5000)).isFalse();
        assertThat(cache.lengthOf(5000, 1500)).isEqualTo(-1);
    }

    @Test
    void oneBufferPerPageNotPerPacket() {
        for (int round = 0; round < 4; round++) {
            for (int seq = 0; seq < 256; seq++) {
                cache.put(round * 256 + seq, packet(seq, STRIDE), 0, STRIDE, 1000, alloc);
            }
        }
        assertThat(alloc.allocations).as("256 slots in pages of 64, written four times over").isEqualTo(4);
    }

    @Test
    void overwrittenAndTooOldPacketsAreGone() {
        cache.put(7, packet(7, 30), 0, 30, 1000, alloc);
        cache.put(7 + 256, packet(8, 30), 0, 30, 1000, alloc);
        assertThat(cache.lengthOf(7, 1000)).isEqualTo(-1);
        assertThat(cache.lengthOf(7 + 256, 3000)).isEqualTo(30);
        assertThat(cache.lengthOf(7 + 256, 3001)).as("older than 2000 ms").isEqualTo(-1);
    }

    @Test
    void longerThanTheStrideIsKeptOnItsOwnAndReleasedWhenOverwritten() {
        cache.put(3, packet(3, 200), 0, 200, 1000, alloc);
        assertThat(copy(3)).isEqualTo(bytes(packet(3, 200)));
        assertThat(alloc.live()).isEqualTo(1);
        cache.put(3 + 256, packet(4, 40), 0, 40, 1000, alloc);
        assertThat(alloc.live()).as("the oversize copy released, a page in its place").isEqualTo(1);
        assertThat(copy(3 + 256)).isEqualTo(bytes(packet(4, 40)));
    }

    @Test
    void copiesFromAnOffsetOfTheSource() {
        ByteBuf batch = Unpooled.buffer();
        batch.writeZero(100);
        batch.writeBytes(packet(9, 48));
        cache.put(9, batch, 100, 48, 1000, alloc);
        assertThat(copy(9)).isEqualTo(bytes(packet(9, 48)));
    }

    @Test
    void clearForgetsEverything() {
        cache.put(1, packet(1, 30), 0, 30, 1000, alloc);
        cache.clear();
        assertThat(cache.contains(1)).isFalse();
        assertThat(cache.lengthOf(1, 1000)).isEqualTo(-1);
    }

    @Test
    void refusesAShapeItCannotIndex() {
        assertThatThrownBy(() -> new RetransmissionCache(100, 2000, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionCache(64, 2000, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] copy(int seq) {
        ByteBuf out = Unpooled.buffer();
        cache.copyTo(seq, out);
        return bytes(out);
    }

    private static ByteBuf packet(int seed, int length) {
        ByteBuf b = Unpooled.buffer(length);
        for (int i = 0; i < length; i++) {
            b.writeByte(seed * 31 + i);
        }
        return b;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    /** Pooled direct buffers, counted, so the test sees what the cache allocates and releases. */
    private static final class CountingAllocator extends io.netty.buffer.AbstractByteBufAllocator {
        /** By identity: the pool recycles a released buffer's object for a later allocation. */
        final Set<ByteBuf> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
        int allocations;

        CountingAllocator() {
            super(true);
        }

        long live() {
            return handedOut.stream().filter(b -> b.refCnt() > 0).count();
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            throw new AssertionError("the cache stores in direct buffers");
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            allocations++;
            ByteBuf b = POOL.directBuffer(initialCapacity, maxCapacity);
            handedOut.add(b);
            return b;
        }

        @Override
        public boolean isDirectBufferPooled() {
            return true;
        }

        private static final ByteBufAllocator POOL = PooledByteBufAllocator.DEFAULT;
    }
}
