// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.platform.time.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Arbitrary datagrams into a shard with a live stream and subscriber, from the publisher's, the
 * subscriber's and a stranger's address: whatever arrives is dropped and counted or used, never an
 * exception on the packet path (the shard counts those as {@code errors}, which must stay 0). The
 * seed corpus holds a real RTP packet, a NACK and a PLI for the registered SSRCs.
 */
class RelayShardFuzzTest {
    private static final InetSocketAddress PUBLISHER = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress SUBSCRIBER = new InetSocketAddress("127.0.0.1", 50001);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 50002);
    private static final InetSocketAddress[] SENDERS = {PUBLISHER, SUBSCRIBER, STRANGER};

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private static final FakeSocket SOCKET = new FakeSocket(new InetSocketAddress("127.0.0.1", 40000));
    private static final RelayShard SHARD = new RelayShard(0, SOCKET, RelayConfig.defaults(), RelayListener.NONE, CLOCK, 9);

    static {
        StreamName name = StreamName.of("fuzz/1/720p");
        // fixed SSRCs so that seeds can name them: source 0x11111111 (video), 0x22222222 (audio)
        SHARD.publish(name, PUBLISHER, List.of(TrackSpec.video(0x11111111, 96).withRtx(0x33333333, 97),
                TrackSpec.audio(0x22222222, 111)));
        SHARD.subscribe(name, SUBSCRIBER, new int[] {97, -1});
    }

    @FuzzTest
    void anyDatagramFromAnyPeer(FuzzedDataProvider data) {
        InetSocketAddress sender = SENDERS[data.consumeInt(0, SENDERS.length - 1)];
        boolean tick = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        SHARD.onDatagram(buf, sender, SOCKET);
        if (tick) {
            CLOCK.advance(Duration.ofMillis(20));
            SHARD.tick(CLOCK.millis());
        }
        SOCKET.sent.clear();
        assertThat(SHARD.counters().errors()).isZero();
    }
}
