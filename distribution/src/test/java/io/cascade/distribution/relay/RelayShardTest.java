// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static io.cascade.distribution.relay.Packets.payload;
import static io.cascade.distribution.relay.Packets.rtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.platform.time.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shard logic on a recording socket and a hand-moved clock: one thread, no sleeps. */
@ExtendWith(LeakDetection.class)
class RelayShardTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PUBLISHER = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 50001);
    private static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 50002);
    private static final StreamName STREAM = StreamName.of("bcast/42/720p");
    private static final int VIDEO_SSRC = 0x11111111;
    private static final int AUDIO_SSRC = 0x22222222;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final FakeSocket socket = new FakeSocket(LOCAL);
    private final List<String> events = new ArrayList<>();
    private RelayShard shard;

    @BeforeEach
    void setUp() {
        RelayListener listener = new RelayListener() {
            @Override
            public void publisherSilent(StreamName s, InetSocketAddress src) {
                events.add("silent " + s);
            }

            @Override
            public void publisherResumed(StreamName s, InetSocketAddress src) {
                events.add("resumed " + s);
            }

            @Override
            public void subscriberTimedOut(StreamName s, long id, InetSocketAddress dst) {
                events.add("timeout " + dst.getPort());
            }
        };
        shard = new RelayShard(0, socket, RelayConfig.defaults(), listener, clock, 42);
        shard.publish(STREAM, PUBLISHER, List.of(TrackSpec.video(VIDEO_SSRC, 96), TrackSpec.audio(AUDIO_SSRC, 111)));
    }

    @AfterEach
    void tearDown() {
        shard.closeAll();
    }

    private void receive(byte[] datagram, InetSocketAddress from) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(datagram.length);
        buf.writeBytes(datagram);
        try {
            shard.onDatagram(buf, from, socket);
        } finally {
            buf.release();
        }
    }

    private void video(int seq) {
        receive(rtp(96, seq, 90 * seq, VIDEO_SSRC, payload(1200, seq), false), PUBLISHER);
    }

    private List<byte[]> rtpTo(InetSocketAddress who) {
        // RTCP packet types are 192..223 in the second octet (RFC 5761 §4); everything else here is RTP
        return socket.takeTo(who).stream().map(FakeSocket.Sent::bytes)
                .filter(b -> (b[1] & 0xFF) < 192 || (b[1] & 0xFF) > 223).toList();
    }

    @Test
    void fanOutGivesEachSubscriberItsOwnSsrcAndSequenceSpaceWithThePayloadIntact() {
        Subscription a = shard.subscribe(STREAM, ALICE, null);
        Subscription b = shard.subscribe(STREAM, BOB, null);
        socket.sent.clear(); // PLIs on join
        for (int i = 0; i < 12; i++) {
            int seq = (65530 + i) & 0xFFFF; // wraps at 65535 -> 0
            receive(rtp(96, seq, 1_000 + 90 * i, VIDEO_SSRC, payload(1200, seq), false), PUBLISHER);
        }
        List<byte[]> toAlice = rtpTo(ALICE);
        List<byte[]> toBob = rtpTo(BOB);
        assertThat(toAlice).hasSize(12);
        assertThat(toBob).hasSize(12);
        int aliceSsrc = a.tracks().get(0).ssrc();
        assertThat(aliceSsrc).isNotEqualTo(b.tracks().get(0).ssrc()).isNotEqualTo(VIDEO_SSRC);
        for (int i = 0; i < 12; i++) {
            byte[] p = toAlice.get(i);
            assertThat(Packets.ssrc(p)).isEqualTo(aliceSsrc);
            assertThat(Packets.seq(p)).isEqualTo((Packets.seq(toAlice.get(0)) + i) & 0xFFFF); // continuous across the wrap
            assertThat(Packets.ts(p) - Packets.ts(toAlice.get(0))).isEqualTo(90 * i);
            assertThat(Arrays.copyOfRange(p, 12, p.length)).isEqualTo(payload(1200, (65530 + i) & 0xFFFF));
        }
        assertThat(shard.counters().forwarded()).isEqualTo(24);
    }

    @Test
    void strangersGarbageAndDuplicatesAreCountedAndNotForwarded() {
        shard.subscribe(STREAM, ALICE, null);
        socket.sent.clear();
        receive(rtp(96, 1, 0, 0x7777, payload(100, 1), false), PUBLISHER);            // unknown SSRC
        receive(rtp(96, 1, 0, VIDEO_SSRC, payload(100, 1), false), BOB);              // right SSRC, wrong host:port
        receive(new byte[] {0x00, 0x01, 0x02}, PUBLISHER);                            // not RTP (version 0)
        receive(new byte[] {(byte) 0x80, 96, 0}, PUBLISHER);                          // truncated RTP
        video(5);
        video(5);                                                                      // duplicate
        RelayCounters c = shard.counters();
        assertThat(c.unknownSsrc()).isEqualTo(1);
        assertThat(c.wrongSource()).isEqualTo(1);
        assertThat(c.notRtp()).isEqualTo(1);
        assertThat(c.malformedRtp()).isEqualTo(1);
        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(rtpTo(ALICE)).hasSize(1);
    }

    @Test
    void aNackIsAnsweredFromTheCacheInTheSubscribersSpaceAndAsRtxWhereNegotiated() {
        Subscription plain = shard.subscribe(STREAM, ALICE, null);
        Subscription rtx = shard.subscribe(STREAM, BOB, new int[] {97, -1});
        for (int seq = 100; seq < 110; seq++) {
            video(seq);
        }
        List<byte[]> alice = rtpTo(ALICE);
        List<byte[]> bob = rtpTo(BOB);
        int aliceSsrc = plain.tracks().get(0).ssrc();
        int lostForAlice = Packets.seq(alice.get(3));
        receive(Packets.nack(0xABCD, aliceSsrc, lostForAlice), ALICE);
        byte[] resent = rtpTo(ALICE).get(0);
        assertThat(resent).isEqualTo(alice.get(3));

        TrackSpec bobVideo = rtx.tracks().get(0);
        int lostForBob = Packets.seq(bob.get(5));
        receive(Packets.nack(0xBCDE, bobVideo.ssrc(), lostForBob), BOB);
        byte[] rtxPacket = rtpTo(BOB).get(0);
        assertThat(Packets.ssrc(rtxPacket)).isEqualTo(bobVideo.rtxSsrc());
        assertThat(Packets.pt(rtxPacket)).isEqualTo(97);
        assertThat(((rtxPacket[12] & 0xFF) << 8) | (rtxPacket[13] & 0xFF)).isEqualTo(lostForBob); // OSN, RFC 4588 §4
        assertThat(Arrays.copyOfRange(rtxPacket, 14, rtxPacket.length)).isEqualTo(payload(1200, 105));

        receive(Packets.nack(0xABCD, aliceSsrc, lostForAlice), BOB); // Alice's SSRC from Bob's address: ignored
        assertThat(rtpTo(ALICE)).isEmpty();
        assertThat(shard.counters().retransmitted()).isEqualTo(2);
    }

    @Test
    void gapsFromThePublisherAreNackedUpstreamAndRetriedUntilTheyArrive() {
        video(1);
        video(2);
        video(5); // 3 and 4 missing
        shard.tick(clock.millis());
        List<byte[]> up = socket.takeTo(PUBLISHER).stream().map(FakeSocket.Sent::bytes)
                .filter(b -> Packets.isRtcpType(b, 205)).toList();
        assertThat(up).hasSize(1);
        assertThat(up.get(0)).isEqualTo(Packets.nack(shardRelaySsrc(up.get(0)), VIDEO_SSRC, 3, 4));

        video(3); // arrives: no longer asked for
        clock.advance(Duration.ofMillis(50));
        shard.tick(clock.millis());
        List<byte[]> retry = socket.takeTo(PUBLISHER).stream().map(FakeSocket.Sent::bytes)
                .filter(b -> Packets.isRtcpType(b, 205)).toList();
        assertThat(retry).hasSize(1);
        assertThat(retry.get(0)).isEqualTo(Packets.nack(shardRelaySsrc(retry.get(0)), VIDEO_SSRC, 4));
        assertThat(shard.stats().get(0).tracks().get(0).recovered()).isEqualTo(1);
    }

    private static int shardRelaySsrc(byte[] rtcp) {
        return java.nio.ByteBuffer.wrap(rtcp, 4, 4).getInt();
    }

    @Test
    void keyframeRequestsFromManySubscribersReachThePublisherThrottled() {
        Subscription a = shard.subscribe(STREAM, ALICE, null); // join: PLI now
        Subscription b = shard.subscribe(STREAM, BOB, null);   // join inside the interval: held
        for (int i = 0; i < 5; i++) {
            receive(Packets.pli(1, a.tracks().get(0).ssrc()), ALICE);
            receive(Packets.pli(2, b.tracks().get(0).ssrc()), BOB);
        }
        assertThat(plisToPublisher()).isEqualTo(1);
        clock.advance(Duration.ofMillis(499));
        shard.tick(clock.millis());
        assertThat(plisToPublisher()).isZero();
        clock.advance(Duration.ofMillis(1));
        shard.tick(clock.millis());
        assertThat(plisToPublisher()).isEqualTo(1); // the held-back requests, once
    }

    private long plisToPublisher() {
        return socket.takeTo(PUBLISHER).stream().filter(s -> Packets.isRtcpType(s.bytes(), 206)).count();
    }

    @Test
    void aSubscriberThatSendsNoRtcpIsDroppedAndReceiverReportsKeepOneAlive() {
        Subscription a = shard.subscribe(STREAM, ALICE, null);
        shard.subscribe(STREAM, BOB, null);
        for (int s = 1; s <= 11; s++) {
            clock.advance(Duration.ofSeconds(1));
            receive(Packets.receiverReport(0x1234, a.tracks().get(0).ssrc()), ALICE);
            shard.tick(clock.millis());
        }
        assertThat(events).contains("timeout " + BOB.getPort()).doesNotContain("timeout " + ALICE.getPort());
        assertThat(shard.stats().get(0).subscribers()).extracting(StreamStats.Sub::id).containsExactly(a.id());
    }

    @Test
    void aNewSourceContinuesEachSubscribersSequenceAndAsksForAKeyframe() {
        Subscription a = shard.subscribe(STREAM, ALICE, null);
        for (int seq = 10; seq < 20; seq++) {
            video(seq);
        }
        List<byte[]> before = rtpTo(ALICE);
        socket.sent.clear();
        clock.advance(Duration.ofMillis(2_000));
        InetSocketAddress otherUpstream = new InetSocketAddress("127.0.0.1", 50009);
        shard.publish(STREAM, otherUpstream, List.of(TrackSpec.video(0x33333333, 96), TrackSpec.audio(0x44444444, 111)));
        assertThat(socket.takeTo(otherUpstream).stream().filter(s -> Packets.isRtcpType(s.bytes(), 206))).isNotEmpty();

        receive(rtp(96, 40_000, 123_456, 0x33333333, payload(1200, 1), true), otherUpstream);
        receive(rtp(96, 40_001, 123_456, 0x33333333, payload(1200, 2), true), otherUpstream);
        video(20); // the old source is no longer accepted
        List<byte[]> after = rtpTo(ALICE);
        assertThat(after).hasSize(2);
        byte[] last = before.get(before.size() - 1);
        assertThat(Packets.seq(after.get(0))).isEqualTo((Packets.seq(last) + 1) & 0xFFFF);
        assertThat(Packets.ssrc(after.get(0))).isEqualTo(a.tracks().get(0).ssrc());
        assertThat(Packets.ts(after.get(0)) - Packets.ts(last)).isEqualTo(2_000 * 90);
        assertThat(shard.counters().unknownSsrc()).isEqualTo(1);
    }

    @Test
    void silenceIsReportedOnceAndResumptionToo() {
        video(1);
        clock.advance(Duration.ofMillis(501));
        shard.tick(clock.millis());
        shard.tick(clock.millis());
        video(2);
        assertThat(events).as("resumption is found by the next tick, not on the packet path").containsExactly("silent " + STREAM);
        shard.tick(clock.millis());
        shard.tick(clock.millis());
        assertThat(events).containsExactly("silent " + STREAM, "resumed " + STREAM);
    }

    @Test
    void reportsGoUpstreamAndDownstreamInTheRightSpaces() {
        Subscription a = shard.subscribe(STREAM, ALICE, null);
        for (int seq = 1; seq <= 10; seq++) {
            video(seq);
        }
        shard.tick(clock.millis()); // places the stream's first report within one interval
        clock.advance(RelayConfig.defaults().reportInterval().plusMillis(1));
        socket.sent.clear();
        shard.tick(clock.millis());
        List<byte[]> up = socket.takeTo(PUBLISHER).stream().map(FakeSocket.Sent::bytes).toList();
        assertThat(up).anySatisfy(rr -> {
            assertThat(Packets.isRtcpType(rr, 201)).isTrue();
            assertThat(java.nio.ByteBuffer.wrap(rr, 8, 4).getInt()).isEqualTo(VIDEO_SSRC); // report block about the source
        });
        List<byte[]> down = socket.takeTo(ALICE).stream().map(FakeSocket.Sent::bytes).toList();
        assertThat(down).anySatisfy(sr -> {
            assertThat(Packets.isRtcpType(sr, 200)).isTrue();
            assertThat(java.nio.ByteBuffer.wrap(sr, 4, 4).getInt()).isEqualTo(a.tracks().get(0).ssrc());
            assertThat(java.nio.ByteBuffer.wrap(sr, 20, 4).getInt()).isEqualTo(10); // packet count
        });
    }

    @Test
    void publishingAnSsrcThatAnotherStreamOwnsIsRefused() {
        assertThatThrownBy(() -> shard.publish(StreamName.of("other"), BOB, List.of(TrackSpec.video(VIDEO_SSRC, 96))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already published");
    }
}
