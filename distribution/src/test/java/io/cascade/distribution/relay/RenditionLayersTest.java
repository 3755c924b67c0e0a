// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static io.cascade.distribution.relay.Packets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.platform.time.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A layered stream made of separately encoded renditions, as a transcode job publishes for WebRTC:
 * two H.264 layers with their own SSRCs and sequence numbers but one timestamp clock (the
 * pictures' presentation time at 90 kHz), keyframes aligned every 60 pictures, the higher layer's
 * encoder 20 ms behind the lower one's. A subscriber's layer follows its estimate, switching only
 * at the target layer's keyframe, with one SSRC, a continuous sequence and timestamps that never
 * go back. Hand-moved clock, one thread.
 */
@ExtendWith(LeakDetection.class)
class RenditionLayersTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress JOB = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress VIEWER = new InetSocketAddress("127.0.0.1", 50001);
    private static final StreamName STREAM = StreamName.of("bcast/42/webrtc");
    private static final int LOW_SSRC = 0x11111111;
    private static final int HIGH_SSRC = 0x22222222;
    private static final int OPUS_SSRC = 0x33333333;
    private static final int GOP = 60;
    private static final int HIGH_LAG_MS = 20;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final FakeSocket socket = new FakeSocket(LOCAL);
    private RelayShard shard;
    /** Per layer: next source sequence number (each rendition's packetizer has its own). */
    private final int[] seq = {40_000, 7};
    /** Packets per picture of the high layer (1200 octets each): 10 is ~2.9 Mbit/s at 30 fps, 3 ~0.9. */
    private int highPackets = 10;
    private long nextTickMs;

    @BeforeEach
    void setUp() {
        shard = new RelayShard(0, socket, RelayConfig.defaults(), new RelayListener() { }, clock, 42);
        shard.publish(STREAM, JOB, List.of(TrackSpec.video(LOW_SSRC, 96), TrackSpec.video(HIGH_SSRC, 96),
                TrackSpec.audio(OPUS_SSRC, 111)), List.of(
                new LayerSpec(0, 0, KeyframeFormat.H264, true),
                new LayerSpec(0, 1, KeyframeFormat.H264, true),
                LayerSpec.single(2)), null);
        nextTickMs = clock.millis();
        origin = clock.millis();
    }

    @AfterEach
    void tearDown() {
        shard.closeAll();
    }

    @Test
    void theSubscriberSwitchesAtTheTargetLayersKeyframeWithOneContinuousSequenceAndTimestampsThatNeverGoBack() {
        Subscription sub = shard.subscribe(STREAM, VIEWER, null);
        int ssrc = sub.tracks().get(0).ssrc();
        List<Out> out = new ArrayList<>();

        play(0, 90, out); // starts on the top layer; ~2.9 Mbit/s exceeds the 2.5 Mbit/s start estimate
        highPackets = 3; // the high rendition's bitrate falls under the estimate
        play(90, 200, out);

        assertThat(out).isNotEmpty().allSatisfy(o -> assertThat(o.ssrc).isEqualTo(ssrc));
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).seq).as("sequence continuous at packet %d", i)
                    .isEqualTo((out.get(i - 1).seq + 1) & 0xFFFF);
            assertThat(out.get(i).ts - out.get(i - 1).ts).as("timestamp never goes back at packet %d", i)
                    .isGreaterThanOrEqualTo(0);
        }
        List<Integer> switches = new ArrayList<>();
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).layer != out.get(i - 1).layer) {
                switches.add(i);
                assertThat(out.get(i).keyframe).as("a switch lands on the new layer's keyframe").isTrue();
                assertThat(out.get(i).ts - out.get(i - 1).ts).as("a switch moves the timestamp forward")
                        .isPositive();
            }
        }
        assertThat(out.getFirst().layer).isEqualTo(1);
        assertThat(out.getFirst().picture).isZero();
        assertThat(switches).as("down at picture 60, up again at picture 120").hasSize(2);
        Out down = out.get(switches.get(0));
        Out up = out.get(switches.get(1));
        assertThat(down.layer).isZero();
        assertThat(down.picture).isEqualTo(GOP);
        assertThat(up.layer).isEqualTo(1);
        assertThat(up.picture).isEqualTo(2 * GOP);
        // the same clock: down to a layer that is ahead keeps the pictures' timestamps
        int offset = out.getFirst().ts - out.getFirst().picture * 3000;
        for (Out o : out.subList(0, switches.get(1))) {
            assertThat(o.ts - o.picture * 3000).as("picture %d keeps its own timestamp", o.picture).isEqualTo(offset);
        }
        // up to a layer 20 ms behind: picture 120 was already sent from the low layer, so the high
        // layer's copy of it goes out 20 ms (1800 ticks) later rather than under an old timestamp
        Out lastLow = out.get(switches.get(1) - 1);
        assertThat(lastLow.picture).isEqualTo(2 * GOP);
        assertThat(up.ts - lastLow.ts).isEqualTo(HIGH_LAG_MS * 90);
        assertThat(out.getLast().ts - out.getLast().picture * 3000).isEqualTo(offset + HIGH_LAG_MS * 90);
    }

    @Test
    void aJoinerStartsOnTheLayerItsHintAffordsOnceLayersAreMeasured() {
        play(0, 30, new ArrayList<>()); // no subscriber yet: the layers' bitrates are measured anyway
        FakeLink hinted = new FakeLink(500);
        Subscription sub = shard.subscribe(STREAM, VIEWER, null, hinted);
        List<Out> out = new ArrayList<>();
        play(30, 70, out);
        assertThat(sub.tracks().get(0).ssrc()).isNotZero();
        assertThat(out).isNotEmpty().allSatisfy(o -> assertThat(o.layer).as("500 kbit/s affords the low layer").isZero());
        assertThat(out.getFirst().picture).isEqualTo(GOP);
    }

    /**
     * Pictures {@code from} (inclusive) to {@code to}, 30 per second: the low layer's packet at
     * the picture's time, the high layer's {@value #HIGH_LAG_MS} ms later, Opus between; the
     * shard ticks every 100 ms. What reaches the viewer is collected in {@code out}.
     */
    private void play(int from, int to, List<Out> out) {
        for (int p = from; p < to; p++) {
            long at = origin + (long) p * 1000 / 30;
            advanceTo(at, out);
            send(0, p, 1, 300);
            receive(rtp(111, p, p * 1600, OPUS_SSRC, new byte[80], false));
            advanceTo(at + HIGH_LAG_MS, out);
            send(1, p, highPackets, 1200);
            collect(out);
        }
    }

    private long origin;

    private void advanceTo(long ms, List<Out> out) {
        long now = clock.millis();
        if (ms > now) {
            clock.advance(Duration.ofMillis(ms - now));
        }
        while (nextTickMs <= clock.millis()) {
            shard.tick(clock.millis());
            nextTickMs += 100;
        }
        collect(out);
    }

    /** One picture of one layer: a keyframe (IDR, NAL type 5) every {@value #GOP} pictures, else a P slice (1). */
    private void send(int layer, int picture, int packets, int size) {
        boolean key = picture % GOP == 0;
        for (int i = 0; i < packets; i++) {
            byte[] payload = new byte[size];
            payload[0] = (byte) (i > 0 ? 0x01 : key ? 0x65 : 0x41); // later packets: not a NAL start we parse
            payload[1] = (byte) layer;
            payload[2] = (byte) (picture >> 8);
            payload[3] = (byte) picture;
            receive(rtp(96, seq[layer], picture * 3000, layer == 0 ? LOW_SSRC : HIGH_SSRC, payload, i == packets - 1));
            seq[layer] = (seq[layer] + 1) & 0xFFFF;
        }
    }

    private void receive(byte[] datagram) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(datagram.length);
        buf.writeBytes(datagram);
        try {
            shard.onDatagram(buf, JOB, socket);
        } finally {
            buf.release();
        }
    }

    /** The viewer's video packets (payload type 96), in the order sent. */
    private void collect(List<Out> out) {
        for (FakeSocket.Sent s : socket.takeTo(VIEWER)) {
            byte[] b = s.bytes();
            if ((b[1] & 0x7F) != 96 || (b[1] & 0xFF) >= 192 && (b[1] & 0xFF) <= 223) {
                continue;
            }
            out.add(new Out(Packets.ssrc(b), Packets.seq(b), Packets.ts(b), b[13],
                    ((b[14] & 0xFF) << 8) | (b[15] & 0xFF), (b[12] & 0x1F) == 5));
        }
    }

    private record Out(int ssrc, int seq, int ts, int layer, int picture, boolean keyframe) {}

    /** A WebRTC viewer as the shard sees it: here only its start hint matters; packets pass unchanged. */
    private static final class FakeLink implements MediaLink {
        private final int startKbps;

        FakeLink(int startKbps) {
            this.startKbps = startKbps;
        }

        @Override
        public int startKbps() {
            return startKbps;
        }

        @Override
        public int tailroom() {
            return 0;
        }

        @Override
        public boolean unprotectRtp(ByteBuf packet) {
            return true;
        }

        @Override
        public boolean unprotectRtcp(ByteBuf packet) {
            return true;
        }

        @Override
        public boolean prepareRtp(ByteBuf packet, int trackIndex) {
            return true;
        }

        @Override
        public boolean protectRtcp(ByteBuf packet) {
            return true;
        }
    }
}
