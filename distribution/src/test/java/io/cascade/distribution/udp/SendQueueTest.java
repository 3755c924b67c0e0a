// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unpooled buffers here: a released pooled buffer object goes back to Netty's recycler and may
 * be handed out again, so its {@code refCnt()} says nothing about the release.
 */
@ExtendWith(LeakDetection.class)
class SendQueueTest {
    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 5004);

    @Test
    void overflowReleasesTheOldestAndKeepsOrder() {
        SendQueue queue = new SendQueue(3);
        List<ByteBuf> buffers = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ByteBuf buf = Unpooled.buffer(1).writeByte(i);
            buffers.add(buf);
            dropped.add(queue.offer(buf, TO, 0));
        }
        assertThat(dropped).containsExactly(0, 0, 0, 1, 1);
        assertThat(buffers.get(0).refCnt()).isZero();
        assertThat(buffers.get(1).refCnt()).isZero();
        assertThat(queue.size()).isEqualTo(3);
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            ByteBuf head = queue.peekBuffer();
            assertThat(queue.peekRecipient()).isEqualTo(TO);
            queue.removeFirst();
            order.add((int) head.getByte(0));
            head.release();
        }
        assertThat(order).containsExactly(2, 3, 4);
    }

    @Test
    void releaseAllEmptiesTheQueueAcrossTheWrap() {
        SendQueue queue = new SendQueue(2);
        List<ByteBuf> buffers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ByteBuf buf = Unpooled.buffer(1).writeByte(i);
            buffers.add(buf);
            queue.offer(buf, TO, i);
        }
        assertThat(queue.peekSegmentSize()).isEqualTo(1);
        queue.releaseAll();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(buffers).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }
}
