// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static io.cascade.distribution.relay.Packets.payload;
import static io.cascade.distribution.relay.Packets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtcp.NtpTime;
import io.cascade.distribution.rtcp.SenderReport;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.platform.time.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay as an RTP translator for sender reports (RFC 3550 §7.2): the publisher's NTP
 * timestamp passes through, the RTP timestamp is translated into each subscriber's space, over
 * one hop and over two (origin to mid-tier). Recording sockets and a hand-moved clock.
 */
@ExtendWith(LeakDetection.class)
class SenderReportTranslationTest {
    private static final InetSocketAddress ORIGIN = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress MID = new InetSocketAddress("127.0.0.1", 40001);
    private static final InetSocketAddress PUBLISHER = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 50001);
    private static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 50002);
    private static final StreamName STREAM = StreamName.of("bcast/7/720p");
    private static final int VIDEO_SSRC = 0x11111111;
    private static final int AUDIO_SSRC = 0x22222222;
    /** The publisher's clock: NTP 2026-11-21T10:00:00Z is RTP 1_000_000 on the video track. */
    private static final long PUBLISHER_NTP = NtpTime.ofUnixMillis(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
    private static final int PUBLISHER_RTP = 1_000_000;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final FakeSocket originSocket = new FakeSocket(ORIGIN);
    private final FakeSocket midSocket = new FakeSocket(MID);
    private final RelayShard origin = new RelayShard(0, originSocket, RelayConfig.defaults(), new RelayListener() { }, clock, 1);
    private final RelayShard mid = new RelayShard(0, midSocket, RelayConfig.defaults(), new RelayListener() { }, clock, 2);

    @AfterEach
    void tearDown() {
        origin.closeAll();
        mid.closeAll();
    }

    @Test
    void aPublisherSrReachesEverySubscriberWithItsNtpAndTheRtpTimestampInThatSubscribersSpace() {
        origin.publish(STREAM, PUBLISHER, List.of(TrackSpec.video(VIDEO_SSRC, 96), TrackSpec.audio(AUDIO_SSRC, 111)));
        Subscription a = origin.subscribe(STREAM, ALICE, null);
        Subscription b = origin.subscribe(STREAM, BOB, null);
        receive(origin, senderReport(VIDEO_SSRC, PUBLISHER_NTP, PUBLISHER_RTP), PUBLISHER); // before any media
        receive(origin, rtp(96, 7, PUBLISHER_RTP + 3000, VIDEO_SSRC, payload(500, 7), true), PUBLISHER);
        byte[] toAlice = rtpTo(originSocket, ALICE).get(0);
        byte[] toBob = rtpTo(originSocket, BOB).get(0);
        int aliceOffset = Packets.ts(toAlice) - (PUBLISHER_RTP + 3000);
        int bobOffset = Packets.ts(toBob) - (PUBLISHER_RTP + 3000);
        assertThat(aliceOffset).isNotEqualTo(bobOffset); // each subscriber its own random timestamp space

        origin.tick(clock.millis()); // the next tick, not the next report interval
        SenderReport srA = onlySr(originSocket.takeTo(ALICE));
        SenderReport srB = onlySr(originSocket.takeTo(BOB));
        assertThat(srA.ssrc()).isEqualTo(a.tracks().get(0).ssrc());
        assertThat(srB.ssrc()).isEqualTo(b.tracks().get(0).ssrc());
        assertThat(srA.ntpTimestamp()).isEqualTo(PUBLISHER_NTP).isEqualTo(srB.ntpTimestamp());
        assertThat(srA.rtpTimestamp()).isEqualTo(PUBLISHER_RTP + aliceOffset);
        assertThat(srB.rtpTimestamp()).isEqualTo(PUBLISHER_RTP + bobOffset);
        assertThat(srA.packetCount()).isEqualTo(1);

        origin.tick(clock.millis()); // sent once: the periodic reports carry it from now on
        assertThat(originSocket.takeTo(ALICE)).isEmpty();
        origin.tick(clock.millis());
        clock.advance(RelayConfig.defaults().reportInterval().multipliedBy(2));
        origin.tick(clock.millis());
        assertThat(onlySr(originSocket.takeTo(ALICE)).ntpTimestamp()).isEqualTo(PUBLISHER_NTP);
    }

    @Test
    void withoutAPublisherSrTheRelayReportsItsOwnClockButOnlyAfterOneInterval() {
        origin.publish(STREAM, PUBLISHER, List.of(TrackSpec.video(VIDEO_SSRC, 96)));
        origin.subscribe(STREAM, ALICE, null);
        receive(origin, rtp(96, 1, 90_000, VIDEO_SSRC, payload(100, 1), true), PUBLISHER);
        origin.tick(clock.millis());
        clock.advance(RelayConfig.defaults().reportInterval().dividedBy(2));
        origin.tick(clock.millis());
        receive(origin, rtp(96, 2, 93_000, VIDEO_SSRC, payload(100, 2), true), PUBLISHER);
        origin.tick(clock.millis());
        assertThat(originSocket.takeTo(ALICE).stream().filter(s -> Packets.isRtcpType(s.bytes(), 200))).isEmpty();

        clock.advance(RelayConfig.defaults().reportInterval().multipliedBy(2));
        origin.tick(clock.millis());
        assertThat(onlySr(originSocket.takeTo(ALICE)).ntpTimestamp()).isEqualTo(NtpTime.ofUnixMillis(clock.millis()));
    }

    @Test
    void overTwoTiersTheSameContentMapsToThePublishersNtpTime() {
        origin.publish(STREAM, PUBLISHER, List.of(TrackSpec.video(VIDEO_SSRC, 96), TrackSpec.audio(AUDIO_SSRC, 111)));
        Subscription up = origin.subscribe(STREAM, MID, null); // the mid-tier pulls from the origin
        mid.publish(STREAM, ORIGIN, up.tracks());
        Subscription edge = mid.subscribe(STREAM, ALICE, null);
        receive(origin, senderReport(VIDEO_SSRC, PUBLISHER_NTP, PUBLISHER_RTP), PUBLISHER);
        int contentTs = PUBLISHER_RTP + 90_000; // one second after the SR's instant
        receive(origin, rtp(96, 100, contentTs, VIDEO_SSRC, payload(800, 1), true), PUBLISHER);
        hop();
        origin.tick(clock.millis());
        hop();
        mid.tick(clock.millis());

        List<FakeSocket.Sent> toEdge = midSocket.takeTo(ALICE);
        byte[] media = toEdge.stream().map(FakeSocket.Sent::bytes).filter(d -> !Packets.isRtcpType(d, 200)).findFirst().orElseThrow();
        SenderReport sr = onlySr(toEdge);
        assertThat(sr.ssrc()).isEqualTo(edge.tracks().get(0).ssrc()).isEqualTo(Packets.ssrc(media));
        assertThat(sr.ntpTimestamp()).isEqualTo(PUBLISHER_NTP);
        // the packet is one second after the SR's instant in the edge's space, as it was at the publisher
        assertThat(Packets.ts(media) - sr.rtpTimestamp()).isEqualTo(90_000);
    }

    @Test
    void aNewSourceIsNotTranslatedWithTheOldOffsetAndItsOwnSrFollowsItsFirstPacket() {
        origin.publish(STREAM, PUBLISHER, List.of(TrackSpec.video(VIDEO_SSRC, 96)));
        origin.subscribe(STREAM, ALICE, null);
        receive(origin, senderReport(VIDEO_SSRC, PUBLISHER_NTP, PUBLISHER_RTP), PUBLISHER);
        receive(origin, rtp(96, 1, PUBLISHER_RTP, VIDEO_SSRC, payload(100, 1), true), PUBLISHER);
        origin.tick(clock.millis());
        originSocket.sent.clear();

        clock.advance(Duration.ofMillis(300));
        InetSocketAddress other = new InetSocketAddress("127.0.0.1", 50009);
        origin.publish(STREAM, other, List.of(TrackSpec.video(0x33333333, 96)));
        long otherNtp = PUBLISHER_NTP + NtpTime.duration(300, 1000);
        receive(origin, senderReport(0x33333333, otherNtp, 5_000), other); // before its first packet: nothing to translate with
        origin.tick(clock.millis());
        assertThat(originSocket.takeTo(ALICE).stream().filter(s -> Packets.isRtcpType(s.bytes(), 200))).isEmpty();

        receive(origin, rtp(96, 9, 5_000 + 900, 0x33333333, payload(100, 2), true), other);
        byte[] media = rtpTo(originSocket, ALICE).get(0);
        origin.tick(clock.millis());
        SenderReport sr = onlySr(originSocket.takeTo(ALICE));
        assertThat(sr.ntpTimestamp()).isEqualTo(otherNtp);
        assertThat(Packets.ts(media) - sr.rtpTimestamp()).isEqualTo(900);
    }

    /** Carries what the origin sent to the mid-tier over to it (RTP and RTCP). */
    private void hop() {
        for (FakeSocket.Sent s : originSocket.takeTo(MID)) {
            receive(mid, s.bytes(), ORIGIN);
        }
    }

    private static void receive(RelayShard shard, byte[] datagram, InetSocketAddress from) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(datagram.length);
        buf.writeBytes(datagram);
        try {
            shard.onDatagram(buf, from, shard.socket);
        } finally {
            buf.release();
        }
    }

    private static byte[] senderReport(int ssrc, long ntp, int rtp) {
        return Packets.rtcp(List.of(new SenderReport(ssrc, ntp, rtp, 0, 0, List.of())));
    }

    private static List<byte[]> rtpTo(FakeSocket socket, InetSocketAddress who) {
        return socket.to(who).stream().map(FakeSocket.Sent::bytes)
                .filter(b -> (b[1] & 0xFF) < 192 || (b[1] & 0xFF) > 223).toList();
    }

    /** The one SR among what was sent (the compound's first packet). */
    private static SenderReport onlySr(List<FakeSocket.Sent> sent) {
        List<byte[]> srs = sent.stream().map(FakeSocket.Sent::bytes).filter(d -> Packets.isRtcpType(d, 200)).toList();
        assertThat(srs).hasSize(1);
        ByteBuffer b = ByteBuffer.wrap(srs.get(0));
        return new SenderReport(b.getInt(4), b.getLong(8), b.getInt(16), b.getInt(20), b.getInt(24), List.of());
    }
}
