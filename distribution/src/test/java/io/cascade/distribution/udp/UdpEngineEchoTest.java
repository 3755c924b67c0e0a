// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.Epoll;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Datagrams in and out of the engine over real loopback sockets, on both transports and both bind modes. */
@ExtendWith(LeakDetection.class)
class UdpEngineEchoTest {

    @Test
    void everyPortPerThreadSocketEchoesOnItsOwnThread() throws Exception {
        Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
        DatagramHandler handler = (datagram, sender, socket) -> {
            assertThat(socket.executor().inEventLoop()).isTrue();
            handlerThreads.add(Thread.currentThread().getName());
            Echo.echo(datagram, sender, socket);
        };
        try (UdpEngine engine = UdpEngine.start(Echo.config(2), handler); Loopback peer = new Loopback()) {
            List<UdpSocket> sockets = engine.sockets();
            assertThat(sockets).hasSize(2);
            assertThat(sockets.get(0).localAddress().getPort()).isNotEqualTo(sockets.get(1).localAddress().getPort());
            assertThat(sockets.get(0).executor()).isNotSameAs(sockets.get(1).executor());
            for (UdpSocket socket : sockets) {
                peer.send("hello " + socket.localAddress().getPort(), socket.localAddress());
                assertThat(peer.receiveText()).isEqualTo("hello " + socket.localAddress().getPort());
            }
            assertThat(handlerThreads).hasSize(2);
            for (UdpSocket socket : sockets) {
                UdpStats stats = socket.stats();
                assertThat(stats.received()).isEqualTo(1);
                assertThat(stats.sent()).isEqualTo(1);
                assertThat(stats.batches()).isEqualTo(1);
                assertThat(stats.sendDropped() + stats.handlerErrors() + stats.ioErrors()).isZero();
            }
        }
    }

    @Test
    void nioFallbackEchoesWhenForced() throws Exception {
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(true), Echo::echo);
                Loopback peer = new Loopback()) {
            assertThat(engine.epoll()).isFalse();
            UdpSocket socket = engine.sockets().get(0);
            peer.send("over nio", socket.localAddress());
            assertThat(peer.receiveText()).isEqualTo("over nio");
            assertThat(socket.stats().sent()).isEqualTo(1);
        }
    }

    @Test
    void epollIsUsedWhereAvailable() throws Exception {
        try (UdpEngine engine = UdpEngine.start(Echo.config(1), Echo::echo)) {
            assertThat(engine.epoll()).isEqualTo(Epoll.isAvailable());
        }
    }

    @Test
    void reusePortSpreadsPeersOverAllSocketsOfOnePort() throws Exception {
        assumeTrue(Epoll.isAvailable(), "SO_REUSEPORT needs epoll");
        int peers = 64;
        UdpEngineConfig config = Echo.config(2).withMode(UdpBindMode.REUSE_PORT);
        try (UdpEngine engine = UdpEngine.start(config, (datagram, sender, socket) -> { })) {
            List<UdpSocket> sockets = engine.sockets();
            InetSocketAddress port = sockets.get(0).localAddress();
            assertThat(sockets.get(1).localAddress()).isEqualTo(port);
            List<Loopback> clients = new ArrayList<>();
            try {
                // The kernel picks the socket by a hash of the 4-tuple (socket(7) SO_REUSEPORT):
                // 64 source ports all landing on one of two sockets has odds of 2^-63.
                for (int i = 0; i < peers; i++) {
                    Loopback client = new Loopback();
                    clients.add(client);
                    client.send("peer " + i, port);
                }
                Loopback.await("all datagrams received", () -> engine.totals().received() == peers);
                assertThat(sockets).allSatisfy(socket -> assertThat(socket.stats().received()).isPositive());
            } finally {
                clients.forEach(Loopback::close);
            }
        }
    }

    @Test
    void reusePortIsRefusedOnNio() {
        UdpEngineConfig config = Echo.config(2).withMode(UdpBindMode.REUSE_PORT).withForceNio(true);
        assertThatThrownBy(() -> UdpEngine.start(config, (datagram, sender, socket) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REUSE_PORT");
    }

    @Test
    void manySocketsPerThreadShareTheThread() throws Exception {
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withThreads(1, 3), Echo::echo);
                Loopback peer = new Loopback()) {
            List<UdpSocket> sockets = engine.sockets();
            assertThat(sockets).hasSize(3).allSatisfy(s -> assertThat(s.executor()).isSameAs(sockets.get(0).executor()));
            for (UdpSocket socket : sockets) {
                peer.send("x", socket.localAddress());
                assertThat(peer.receiveText()).isEqualTo("x");
            }
        }
    }

    @Test
    void sendFromAnotherThreadIsHandedToTheSocketThread() throws Exception {
        try (UdpEngine engine = UdpEngine.start(Echo.config(1), (datagram, sender, socket) -> { });
                Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            ByteBuf datagram = socket.alloc().directBuffer().writeBytes("from outside".getBytes(StandardCharsets.UTF_8));
            socket.send(datagram, peer.address());
            assertThat(peer.receiveText()).isEqualTo("from outside");
            Loopback.await("sent counted", () -> socket.stats().sent() == 1);
        }
    }

    @Test
    void closeReleasesQueuedDatagramsAndIsIdempotent() throws Exception {
        UdpEngine engine = UdpEngine.start(Echo.config(1), (datagram, sender, socket) -> { });
        UdpSocket socket = engine.sockets().get(0);
        InetSocketAddress nowhere = new InetSocketAddress("127.0.0.1", 9);
        List<ByteBuf> queued = socket.executor().submit(() -> {
            List<ByteBuf> buffers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ByteBuf buf = Unpooled.directBuffer(16).writeLong(i); // unpooled: refCnt stays meaningful
                buffers.add(buf);
                socket.send(buf, nowhere);
            }
            return buffers; // no flush: they stay queued
        }).get();
        engine.close();
        engine.close();
        assertThat(queued).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());

        ByteBuf late = Unpooled.directBuffer(4).writeInt(1);
        socket.send(late, nowhere);
        assertThat(late.refCnt()).as("a send after close releases the buffer").isZero();
    }

    @Test
    void receivedContentIsTheDatagram() throws Exception {
        List<String> seen = new ArrayList<>();
        try (UdpEngine engine = UdpEngine.start(Echo.config(1),
                (datagram, sender, socket) -> seen.add(ByteBufUtil.hexDump(datagram) + " from " + sender.getPort()));
                Loopback peer = new Loopback()) {
            peer.send(new byte[] {1, 2, (byte) 0xFF}, engine.sockets().get(0).localAddress());
            Loopback.await("one datagram", () -> engine.totals().received() == 1);
            assertThat(engine.sockets().get(0).executor().submit(() -> List.copyOf(seen)).get())
                    .containsExactly("0102ff from " + peer.address().getPort());
        }
    }
}
