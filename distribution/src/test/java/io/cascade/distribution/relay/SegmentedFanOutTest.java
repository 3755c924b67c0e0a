// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fan-out's UDP GSO runs (SegmentBatcher) on real sockets: a shard on a UDP engine sends to
 * plain JDK sockets on loopback, so the kernel must cut every run back into the datagrams, and
 * each arrives on its own, whole, in order. One receive batch is either driven on the socket's
 * thread (datagrams, then the batch end) or made real by holding the loop while a burst queues.
 */
@ExtendWith(LeakDetection.class)
class SegmentedFanOutTest {
    private static final StreamName STREAM = StreamName.of("live/gso");
    private static final int VIDEO_SSRC = 0x1234_5678;
    private static final int AUDIO_SSRC = 0x1234_5679;
    private static final int RECEIVE_WAIT_MS = 3000;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aRunOfEqualSizesLeavesAsOneSendAndArrivesAsDatagramsInOrder() throws Exception {
        assumeGso();
        Relay relay = relay(false);
        DatagramSocket a = receiver();
        DatagramSocket b = receiver();
        relay.subscribe(a);
        relay.subscribe(b);
        relay.batch(seqs(100, 10), 1200);
        for (DatagramSocket r : List.of(a, b)) {
            List<byte[]> got = receive(r, 10);
            assertConsecutive(got);
            assertThat(got).allSatisfy(p -> assertThat(p).hasSize(1200));
            for (int i = 0; i < 10; i++) {
                assertThat(payloadOf(got.get(i))).isEqualTo(Packets.payload(1200 - 12, 100 + i));
            }
        }
        var stats = relay.stats();
        assertThat(stats.segmentedSends()).isEqualTo(2);
        assertThat(stats.segments()).isEqualTo(20);
    }

    @Test
    void aDatagramOfAnotherLengthStartsANewRunAndOrderHolds() throws Exception {
        assumeGso();
        Relay relay = relay(false);
        DatagramSocket a = receiver();
        relay.subscribe(a);
        int[] sizes = {1200, 1200, 1200, 700, 1200, 1200, 300, 1300, 1300};
        relay.call(() -> {
            relay.endBatch();
            for (int i = 0; i < sizes.length; i++) {
                relay.feed(video(500 + i, sizes[i]));
            }
            relay.endBatch();
            return null;
        });
        List<byte[]> got = receive(a, sizes.length);
        assertConsecutive(got);
        for (int i = 0; i < sizes.length; i++) {
            assertThat(got.get(i)).as("datagram %d", i).hasSize(sizes[i]);
        }
        // runs: 3 x 1200 (GSO), 700, 2 x 1200 (GSO), 300, 1300, 1300 (too big to gather: one by one)
        assertThat(relay.stats().segmentedSends()).isEqualTo(2);
        assertThat(relay.stats().segments()).isEqualTo(5);
    }

    @Test
    void aSubscriberLeavingMidBatchGetsWhatWasForwardedBeforeAndNothingAfter() throws Exception {
        assumeGso();
        Relay relay = relay(false);
        DatagramSocket stays = receiver();
        DatagramSocket leaves = receiver();
        relay.subscribe(stays);
        long leaving = relay.subscribe(leaves);
        relay.call(() -> {
            relay.endBatch();
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    assertThat(relay.shard.unsubscribe(STREAM, leaving)).isTrue();
                }
                relay.feed(video(i, 1200));
            }
            relay.endBatch();
            return null;
        });
        assertConsecutive(receive(stays, 6));
        List<byte[]> before = receive(leaves, 3);
        assertConsecutive(before);
        assertThat(payloadOf(before.get(2))).isEqualTo(Packets.payload(1200 - 12, 2));
        assertNothingMore(leaves);
    }

    @Test
    void aRealReceiveBatchIsGatheredThroughTheEngine() throws Exception {
        assumeGso();
        Relay relay = relay(false);
        DatagramSocket a = receiver();
        relay.subscribe(a);
        DatagramSocket publisher = relay.publisher();
        InetSocketAddress ingress = relay.socket.localAddress();
        send(publisher, video(0, 1200), ingress); // the first batch end turns gathering on
        receive(a, 1);
        CountDownLatch queued = new CountDownLatch(1);
        relay.socket.executor().execute(() -> awaitQuietly(queued)); // hold the loop: the burst waits in the kernel
        for (int i = 1; i <= 8; i++) {
            send(publisher, video(i, 1200), ingress);
        }
        send(publisher, audio(9, 160), ingress);
        queued.countDown();
        List<byte[]> got = receive(a, 9);
        assertConsecutive(got.subList(0, 8));
        assertThat(got.get(8)).hasSize(160);
        assertThat(relay.stats().segmentedSends()).isEqualTo(1);
        assertThat(relay.stats().segments()).isEqualTo(8);
    }

    @Test
    void withoutGsoTheSameBatchLeavesOneByOne() throws Exception {
        Relay relay = relay(true);
        DatagramSocket a = receiver();
        relay.subscribe(a);
        var before = relay.stats();
        relay.batch(seqs(7, 5), 1200);
        List<byte[]> got = receive(a, 5);
        assertConsecutive(got);
        assertThat(relay.socket.segmentation()).isFalse();
        var delta = relay.stats().minus(before);
        assertThat(delta.segmentedSends()).isZero();
        assertThat(delta.sent()).isEqualTo(5);
    }

    // ---- fixture

    private Relay relay(boolean nio) throws Exception {
        ShardHolder holder = new ShardHolder();
        UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1)
                .withForceNio(nio), holder);
        open.add(engine);
        UdpSocket socket = engine.sockets().get(0);
        DatagramSocket publisher = receiver(); // also the publisher: the stream's source address
        InetSocketAddress source = (InetSocketAddress) publisher.getLocalSocketAddress();
        RelayShard shard = socket.executor().submit(() -> {
            RelayShard s = new RelayShard(0, socket, RelayConfig.defaults(), RelayListener.NONE, InstantSource.system(), 7);
            s.publish(STREAM, source, List.of(TrackSpec.video(VIDEO_SSRC, 96).withNack(false),
                    TrackSpec.audio(AUDIO_SSRC, 111).withNack(false)));
            holder.shard = s;
            return s;
        }).get(5, TimeUnit.SECONDS);
        open.add(() -> socket.executor().submit(shard::closeAll).get(5, TimeUnit.SECONDS)); // the cache's buffers
        return new Relay(socket, shard, publisher);
    }

    private DatagramSocket receiver() throws Exception {
        DatagramSocket r = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        r.setSoTimeout(RECEIVE_WAIT_MS);
        r.setReceiveBufferSize(1 << 20);
        open.add(r);
        return r;
    }

    private static void assumeGso() {
        assumeTrue(EpollDatagramChannel.isSegmentedDatagramPacketSupported(), "no UDP_SEGMENT here");
    }

    private static int[] seqs(int first, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = first + i;
        }
        return out;
    }

    private static byte[] video(int seq, int size) {
        return Packets.rtp(96, seq, seq / 8 * 3000, VIDEO_SSRC, Packets.payload(size - 12, seq), false);
    }

    private static byte[] audio(int seq, int size) {
        return Packets.rtp(111, seq, seq * 960, AUDIO_SSRC, Packets.payload(size - 12, seq), false);
    }

    private static byte[] payloadOf(byte[] rtp) {
        return java.util.Arrays.copyOfRange(rtp, 12, rtp.length);
    }

    private static void send(DatagramSocket from, byte[] datagram, InetSocketAddress to) throws Exception {
        from.send(new DatagramPacket(datagram, datagram.length, to));
    }

    private static List<byte[]> receive(DatagramSocket r, int count) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] buf = new byte[65_536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                r.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("datagram " + i + " of " + count + " did not arrive", e);
            }
            out.add(java.util.Arrays.copyOf(buf, p.getLength()));
        }
        return out;
    }

    /** Nothing more is waiting: the relay sent its datagrams before the ones already received. */
    private static void assertNothingMore(DatagramSocket r) throws Exception {
        r.setSoTimeout(1);
        try {
            r.receive(new DatagramPacket(new byte[2048], 2048));
            throw new AssertionError("an unexpected datagram arrived");
        } catch (SocketTimeoutException expected) {
            // nothing queued
        }
    }

    /** One output SSRC, sequence numbers each one more than the last (the subscriber's own space). */
    private static void assertConsecutive(List<byte[]> packets) {
        for (int i = 1; i < packets.size(); i++) {
            assertThat(Packets.ssrc(packets.get(i))).isEqualTo(Packets.ssrc(packets.get(0)));
            assertThat(Packets.seq(packets.get(i))).as("sequence of datagram %d", i)
                    .isEqualTo((Packets.seq(packets.get(i - 1)) + 1) & 0xFFFF);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(RECEIVE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine's handler, pointing at the shard once it exists (the shard needs the engine's socket). */
    private static final class ShardHolder implements io.cascade.distribution.udp.DatagramHandler {
        volatile RelayShard shard;

        @Override
        public void onDatagram(io.netty.buffer.ByteBuf datagram, InetSocketAddress sender, UdpSocket socket) {
            if (shard != null) {
                shard.onDatagram(datagram, sender, socket);
            }
        }

        @Override
        public void onBatchEnd(UdpSocket socket) {
            if (shard != null) {
                shard.onBatchEnd(socket);
            }
        }
    }

    private record Relay(UdpSocket socket, RelayShard shard, DatagramSocket publisher) {
        InetSocketAddress source() {
            return (InetSocketAddress) publisher.getLocalSocketAddress();
        }

        /** Subscribes {@code r}; the keyframe request that a join sends leaves now, not with the next batch. */
        long subscribe(DatagramSocket r) throws Exception {
            return call(() -> {
                long id = shard.subscribe(STREAM, (InetSocketAddress) r.getLocalSocketAddress(), null).id();
                socket.flush();
                return id;
            });
        }

        /** One datagram from the publisher, as the engine hands it over: borrowed, released after. */
        void feed(byte[] datagram) {
            io.netty.buffer.ByteBuf buf = Unpooled.wrappedBuffer(datagram);
            try {
                shard.onDatagram(buf, source(), socket);
            } finally {
                buf.release();
            }
        }

        /** One batch on the socket's thread: a batch end before it (so gathering is on), the datagrams, the end. */
        void batch(int[] seqs, int size) throws Exception {
            call(() -> {
                endBatch();
                for (int seq : seqs) {
                    feed(video(seq, size));
                }
                endBatch();
                return null;
            });
        }

        /** What the engine does at the end of a receive batch. */
        void endBatch() {
            shard.onBatchEnd(socket);
            socket.flush();
        }

        <T> T call(Callable<T> task) throws Exception {
            return socket.executor().submit(task).get(5, TimeUnit.SECONDS);
        }

        io.cascade.distribution.udp.UdpStats stats() throws Exception {
            return call(socket::stats);
        }
    }
}
