// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-packet work toward a viewer (stamp and remember) allocates nothing; reading a feedback
 * allocates only its stats snapshot. Counted by the JVM's per-thread allocation counter, after
 * a warm-up so that the JIT's escape analysis has run.
 */
class TransportCcAllocationTest {
    private static final int PACKETS = 200_000;

    @Test
    void stampingAndReadingFeedbackAllocateNothingPerPacket() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TransportCcSender sender = new TransportCcSender(3);
        ByteBuf plain = Unpooled.directBuffer(1300, 1300);
        ByteBuf blanked = Unpooled.directBuffer(1300, 1300);
        ByteBuf feedback = feedback();
        try {
            run(sender, plain, blanked, feedback, PACKETS);
            long before = threads.getCurrentThreadAllocatedBytes();
            run(sender, plain, blanked, feedback, PACKETS);
            long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / PACKETS;
            assertThat(perPacket).as("bytes per stamped packet, with a feedback every 100 packets").isZero();
        } finally {
            plain.release();
            blanked.release();
        }
    }

    private static void run(TransportCcSender sender, ByteBuf plain, ByteBuf blanked, ByteBuf feedback, int packets) {
        for (int i = 0; i < packets; i++) {
            ByteBuf b = (i & 1) == 0 ? plain : blanked;
            b.clear().writeByte((i & 1) == 0 ? 0x80 : 0x90).writeByte(96).writeShort(i).writeInt(i).writeInt(7);
            if ((i & 1) != 0) {
                b.writeShort(0xBEDE).writeShort(2).writeZero(8);
            }
            b.writerIndex(1200);
            sender.stamp(b, i * 100L);
            if (i % 100 == 99) {
                sender.onFeedback(feedback, feedback.readerIndex() + 4, feedback.readableBytes() - 4);
            }
        }
    }

    private static ByteBuf feedback() {
        byte[] symbols = new byte[100];
        int[] deltas = new int[100];
        java.util.Arrays.fill(symbols, (byte) 1);
        java.util.Arrays.fill(deltas, 4);
        TransportFeedback fb = new TransportFeedback(1, 2, 0, 0, 0, symbols, deltas);
        ByteBuf out = Unpooled.buffer(fb.encodedLength());
        fb.encode(out);
        return out;
    }
}
