// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AES-CM/HMAC-SHA1 packet path allocates nothing per packet once the scratch arrays have
 * grown (checked with the JVM's per-thread allocation counter, not a benchmark). AES-GCM is left
 * out: the JCE allocates on every re-initialisation (package-info, docs/BENCHMARKS.md).
 *
 * <p>The buffer is allocated with Netty's leak detector off: a tracked buffer records a stack
 * trace per access (tens of KB per packet at PARANOID), which would drown what is measured here.
 */
class SrtpAllocationTest {
    private static final int PACKETS = 20_000;

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32"})
    void protectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(42));
        SrtpSendContext sender = new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS);
        SrtpReceiveContext receiver = new SrtpReceiveContext(profile, master, SrtpConfig.DEFAULTS);
        byte[] plain = SrtpFixtures.rtp(77, 0, 1200, 0, false);
        ByteBuf buf = untracked(plain.length + SrtpProfile.MAX_OVERHEAD);
        try {
            int seq = cycle(sender, receiver, buf, plain, 0, PACKETS);
            long before = threads.getCurrentThreadAllocatedBytes();
            cycle(sender, receiver, buf, plain, seq, PACKETS);
            long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / PACKETS;
            assertThat(perPacket).as("bytes allocated per protect + unprotect").isZero();
        } finally {
            buf.release();
        }
    }

    private static ByteBuf untracked(int capacity) {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            return PooledByteBufAllocator.DEFAULT.directBuffer(capacity);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    private static int cycle(SrtpSendContext sender, SrtpReceiveContext receiver, ByteBuf buf, byte[] plain, int seq,
            int packets) {
        for (int i = 0; i < packets; i++, seq++) {
            buf.setBytes(0, plain).readerIndex(0).writerIndex(plain.length);
            buf.setShort(2, seq);
            if (sender.protect(buf) != SrtpResult.OK || receiver.unprotect(buf) != SrtpResult.OK) {
                throw new AssertionError("round trip failed at " + seq);
            }
        }
        return seq;
    }
}
