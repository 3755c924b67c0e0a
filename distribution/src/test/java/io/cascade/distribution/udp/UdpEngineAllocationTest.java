// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Heap allocated by the event-loop thread per datagram, read from the JVM's per-thread
 * allocation counter (com.sun.management.ThreadMXBean#getThreadAllocatedBytes) around a burst
 * of loopback traffic, after a warm-up burst for the JIT. Leak detection is off here: PARANOID
 * tracking allocates a record per buffer access and would swamp the figure.
 *
 * <p>The bounds are about twice what this measures on Netty 4.1.135-138 / JDK 25 (the printed
 * line: epoll about 120 B per received datagram, 45 B per sent datagram at fan-out 10), so a
 * regression that adds per-packet garbage fails. What remains is Netty's: per received datagram
 * the DatagramPacket envelope and the sender's InetSocketAddress/InetAddress
 * (NativeDatagramPacketArray.newDatagramPacket); per sent datagram the recipient's address
 * octets its sendmmsg path copies, the chunks Netty's Recycler queue (a jctools linked-array
 * queue) links in as pooled objects come back, and this test's own derived buffers. The write
 * envelope is reused (ReusableDatagram) where the kernel can segment.
 */
class UdpEngineAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final int BURST = 250;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static ResourceLeakDetector.Level savedLevel;

    @BeforeAll
    static void leakDetectionOff() {
        savedLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }

    @AfterAll
    static void leakDetectionBack() {
        ResourceLeakDetector.setLevel(savedLevel);
    }

    @ParameterizedTest(name = "fan-out {0}, nio={1}")
    @CsvSource({"0, false, 300", "10, false, 150", "0, true, 150", "10, true, 400"})
    void bytesPerDatagramOnTheEventLoop(int fanOut, boolean nio, long bound) throws Exception {
        try (DatagramChannel sink = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DatagramChannel publisher = DatagramChannel.open()) {
            InetSocketAddress to = (InetSocketAddress) sink.getLocalAddress();
            DatagramHandler forward = (datagram, sender, socket) -> {
                for (int i = 0; i < fanOut; i++) {
                    socket.send(datagram.retainedDuplicate(), to);
                }
            };
            try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(nio), forward)) {
                UdpSocket socket = engine.sockets().get(0);
                long loopThread = socket.executor().submit(() -> Thread.currentThread().threadId()).get();
                blast(publisher, socket, WARM_UP);
                UdpStats before = socket.stats();
                long allocatedBefore = THREADS.getThreadAllocatedBytes(loopThread);
                blast(publisher, socket, MEASURED);
                long allocated = THREADS.getThreadAllocatedBytes(loopThread) - allocatedBefore;
                UdpStats delta = socket.stats().minus(before);
                long perOp = allocated / Math.max(1, fanOut == 0 ? delta.received() : delta.sent());
                System.out.printf("UDP engine allocation (%s, fan-out %d): %d B per %s datagram over %d received,"
                        + " %d sent, %d batches%n", engine.epoll() ? "epoll" : "nio", fanOut, perOp,
                        fanOut == 0 ? "received" : "sent", delta.received(), delta.sent(), delta.batches());
                assertThat(perOp).isLessThan(bound);
            }
        }
    }

    /**
     * Sends {@code count} datagrams in bursts of {@link #BURST}, each burst after the socket has
     * read the one before, so nothing is lost to a full receive buffer and every datagram takes
     * the JIT-compiled path. A burst that stalls (a datagram lost anyway) moves on after 100 ms.
     */
    private static void blast(DatagramChannel publisher, UdpSocket socket, int count) throws Exception {
        ByteBuffer payload = ByteBuffer.allocate(200);
        for (int sent = 0; sent < count; sent += BURST) {
            long target = socket.stats().received() + BURST;
            for (int i = 0; i < BURST; i++) {
                publisher.send(payload.clear(), socket.localAddress());
            }
            long[] last = {-1, System.nanoTime()};
            Loopback.await("burst read", () -> {
                long now = socket.stats().received();
                if (now != last[0]) {
                    last[0] = now;
                    last[1] = System.nanoTime();
                }
                return now >= target || System.nanoTime() - last[1] > 100_000_000;
            });
        }
    }
}
