// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** UDP_SEGMENT (GSO, udp(7)): one send, several datagrams on the wire. */
@ExtendWith(LeakDetection.class)
class UdpEngineSegmentationTest {

    @Test
    void segmentsArriveAsSeparateDatagrams() throws Exception {
        assumeTrue(EpollDatagramChannel.isSegmentedDatagramPacketSupported(), "no UDP_SEGMENT here");
        try (UdpEngine engine = UdpEngine.start(Echo.config(1), (datagram, sender, socket) -> { });
                Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            boolean queued = socket.executor().submit(() -> {
                ByteBuf segments = socket.alloc().directBuffer(250);
                segments.writeBytes(filled(100, 1)).writeBytes(filled(100, 2)).writeBytes(filled(50, 3));
                boolean accepted = socket.sendSegmented(segments, 100, peer.address());
                socket.flush();
                return accepted;
            }).get();
            assertThat(queued).isTrue();
            assertThat(peer.receive()).isEqualTo(filled(100, 1));
            assertThat(peer.receive()).isEqualTo(filled(100, 2));
            assertThat(peer.receive()).isEqualTo(filled(50, 3));
        }
    }

    /**
     * Plain and segmented sends go out in envelopes the socket takes back after each write:
     * 2,000 datagrams in bursts of 20 need at most 20 envelopes, and a heap buffer (which Netty
     * copies to a direct one) still arrives.
     */
    @Test
    void envelopesAreReusedAcrossWrites() throws Exception {
        assumeTrue(EpollDatagramChannel.isSegmentedDatagramPacketSupported(), "no UDP_SEGMENT here");
        try (UdpEngine engine = UdpEngine.start(Echo.config(1), (datagram, sender, socket) -> { });
                Loopback peer = new Loopback()) {
            EngineSocket socket = (EngineSocket) engine.sockets().get(0);
            for (int burst = 0; burst < 100; burst++) {
                int b = burst;
                socket.executor().submit(() -> {
                    for (int i = 0; i < 19; i++) {
                        socket.send(socket.alloc().directBuffer(40).writeBytes(filled(40, b)), peer.address());
                    }
                    ByteBuf two = socket.alloc().directBuffer(80).writeBytes(filled(40, b)).writeBytes(filled(40, b));
                    socket.sendSegmented(two, 40, peer.address());
                    socket.flush();
                }).get();
                for (int i = 0; i < 21; i++) {
                    assertThat(peer.receive()).isEqualTo(filled(40, b));
                }
            }
            socket.executor().submit(() -> {
                socket.send(Unpooled.wrappedBuffer(filled(30, 7)), peer.address());
                socket.flush();
            }).get();
            assertThat(peer.receive()).isEqualTo(filled(30, 7));
            long created = socket.executor().submit(() -> socket.envelopes().created()).get();
            int free = socket.executor().submit(() -> socket.envelopes().size()).get();
            assertThat(created).as("envelopes made for 2,100 datagrams in bursts of 21").isBetween(1L, 20L);
            assertThat(free).as("every envelope back in the pool").isEqualTo((int) created);
            assertThat(socket.stats().sent()).isEqualTo(2101);
        }
    }

    @Test
    void nioDeclinesAndLeavesTheBufferWithTheCaller() throws Exception {
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(true), (datagram, sender, socket) -> { });
                Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            ByteBuf segments = Unpooled.directBuffer(200).writeZero(200);
            try {
                boolean accepted = socket.executor().submit(() -> socket.sendSegmented(segments, 100, peer.address())).get();
                assertThat(accepted).isFalse();
                assertThat(segments.refCnt()).isOne();
            } finally {
                segments.release();
            }
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] octets = new byte[length];
        Arrays.fill(octets, (byte) value);
        return octets;
    }
}
