// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Receive batches, one flush per batch, and the drop-oldest send queue. */
@ExtendWith(LeakDetection.class)
class UdpEngineBatchingTest {

    /**
     * The event loop is held on a latch while 1000 datagrams arrive, so they wait in the socket's
     * receive queue and must come out in batches (recvmmsg on epoll, the read loop on NIO).
     */
    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void datagramsThatWaitAreReadInBatches(boolean nio) throws Exception {
        int count = 1000;
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(nio), (datagram, sender, socket) -> { });
                DatagramChannel peer = DatagramChannel.open()) {
            UdpSocket socket = engine.sockets().get(0);
            CountDownLatch release = new CountDownLatch(1);
            socket.executor().execute(() -> await(release));
            ByteBuffer payload = ByteBuffer.allocate(64);
            for (int i = 0; i < count; i++) {
                peer.send(payload.clear(), socket.localAddress());
            }
            release.countDown();
            Loopback.await("all received", () -> socket.stats().received() == count);
            UdpStats stats = socket.stats();
            assertThat(stats.batches()).isPositive().isLessThanOrEqualTo(count / 10);
        }
    }

    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void aFullQueueDropsTheOldestAndSendsTheNewest(boolean nio) throws Exception {
        int capacity = 4;
        int sends = 10;
        DatagramHandler burst = (datagram, sender, socket) -> {
            for (int i = 0; i < sends; i++) {
                socket.send(socket.alloc().directBuffer(4).writeInt(i), sender);
            }
        };
        UdpEngineConfig config = Echo.config(1).withSendQueueCapacity(capacity).withForceNio(nio);
        try (UdpEngine engine = UdpEngine.start(config, burst); Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            peer.send("go", socket.localAddress());
            for (int expected = sends - capacity; expected < sends; expected++) {
                assertThat(ByteBuffer.wrap(peer.receive()).getInt()).isEqualTo(expected);
            }
            assertThat(socket.stats().sendDropped()).isEqualTo(sends - capacity);
            assertThat(socket.stats().sent()).isEqualTo(capacity);
        }
    }

    /** One received datagram fanned out to many recipients leaves in one flush at the end of the batch. */
    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void fanOutOfABatchIsSentAtTheEndOfTheBatch(boolean nio) throws Exception {
        int fanOut = 20;
        try (Loopback subscriber = new Loopback()) {
            InetSocketAddress to = subscriber.address();
            DatagramHandler fan = (datagram, sender, socket) -> {
                for (int i = 0; i < fanOut; i++) {
                    ByteBuf copy = datagram.retainedDuplicate();
                    socket.send(copy, to);
                }
            };
            try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(nio), fan); Loopback peer = new Loopback()) {
                peer.send("media", engine.sockets().get(0).localAddress());
                for (int i = 0; i < fanOut; i++) {
                    assertThat(subscriber.receiveText()).isEqualTo("media");
                }
                assertThat(engine.totals().sent()).isEqualTo(fanOut);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(Loopback.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
