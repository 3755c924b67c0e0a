// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.testing.LeakDetection;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How connections end other than by the client: duplicate keys, failing handlers and sinks, the
 * handshake timeout, the connection limit. Embedded channels; several may share one server.
 */
@ExtendWith(LeakDetection.class)
class RtmpConnectionEndTest {
    private final RecordingSink sink = new RecordingSink();

    private PublishDecision acceptKey(String app, String key, java.net.InetSocketAddress client) {
        return StreamKeys.matches("KEY", key) ? PublishDecision.accept(sink) : PublishDecision.refuse("bad key");
    }

    private static RtmpServerContext shared(RtmpServerConfig config, RtmpPublishHandler handler) {
        return RtmpServerContext.of(config, handler, new HandshakeResponder(new Random(1), () -> 0));
    }

    private static <T> T last(java.util.List<T> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }

    @Test
    void theLiveKeyRegistryRefusesADuplicateUnlessAllowed() {
        ActivePublishers publishers = new ActivePublishers();
        Object first = new Object();
        assertThat(publishers.register("live", "KEY", first, false)).isTrue();
        assertThat(publishers.register("live", "KEY", new Object(), false)).isFalse();
        assertThat(publishers.register("other", "KEY", new Object(), false)).as("keys are per app").isTrue();
        Object second = new Object();
        assertThat(publishers.register("live", "KEY", second, true)).isTrue();
        publishers.unregister("live", "KEY", first);
        assertThat(publishers.isLive("live", "KEY")).isTrue();
        publishers.unregister("live", "KEY", second);
        assertThat(publishers.isLive("live", "KEY")).isFalse();
    }

    @Test
    void duplicateKeyIsRefusedAndItsSinkEndsAsRefused() {
        RecordingSink second = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        RtmpPublishHandler handler = (app, key, client) -> PublishDecision.accept(calls.getAndIncrement() == 0 ? sink : second);
        RtmpServerContext shared = shared(RtmpServerConfig.defaults(), handler);
        try (EmbeddedRtmp a = new EmbeddedRtmp(shared); EmbeddedRtmp b = new EmbeddedRtmp(shared)) {
            a.publish("live", "KEY");
            b.publish("live", "KEY");
            Amf0Object info = (Amf0Object) last(EmbeddedRtmp.commands(b.received())).arguments().get(0);
            assertThat(info.string("code")).isEqualTo("NetStream.Publish.BadName");
            assertThat(info.string("description")).isEqualTo("stream is already being published");
            assertThat(shared.counters().snapshot().closed(CloseReason.DUPLICATE_PUBLISH)).isEqualTo(1);
        }
    }


    @Test
    void acceptAlongsideLetsASecondPublisherRun() {
        RtmpPublishHandler handler = (app, key, client) -> PublishDecision.acceptAlongside(new RecordingSink());
        RtmpServerContext shared = shared(RtmpServerConfig.defaults(), handler);
        try (EmbeddedRtmp a = new EmbeddedRtmp(shared); EmbeddedRtmp b = new EmbeddedRtmp(shared)) {
            a.publish("live", "KEY");
            b.publish("live", "KEY");
            assertThat(shared.counters().snapshot().publishesAccepted()).isEqualTo(2);
            a.channel.close();
            assertThat(shared.publishers().isLive("live", "KEY")).as("the second still publishes").isTrue();
        }
    }


    @Test
    void sinkThatThrowsClosesTheConnectionAndStillGetsItsEnd() {
        RecordingSink failing = new RecordingSink() {
            @Override
            public void onVideoFrame(VideoFrame frame) {
                throw new IllegalStateException("downstream full");
            }
        };
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp((app, key, client) -> PublishDecision.accept(failing))) {
            rtmp.publish("live", "KEY").video(0, io.cascade.ingest.testing.HexVector.parse("17 01 000000 00000001 65"));
            assertThat(rtmp.stats().closed(CloseReason.SINK_FAILURE)).isEqualTo(1);
            assertThat(failing.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.ERROR);
        }
    }


    @Test
    void handlerThatThrowsRefusesThePublish() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp((app, key, client) -> {
            throw new IllegalStateException("directory down");
        })) {
            rtmp.publish("live", "KEY");
            assertThat(rtmp.stats().closed(CloseReason.SINK_FAILURE)).isEqualTo(1);
            assertThat(rtmp.stats().publishesRefused()).isEqualTo(1);
        }
    }


    @Test
    void handshakeThatDoesNotFinishInTimeCloses() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(RtmpServerConfig.defaults(), this::acceptKey)) {
            rtmp.write(new byte[] {3, 0, 0});
            rtmp.advanceMillis(10_001);
            assertThat(rtmp.stats().closed(CloseReason.HANDSHAKE_TIMEOUT)).isEqualTo(1);
            assertThat(rtmp.channel.isOpen()).isFalse();
        }
    }


    @Test
    void completedHandshakeCancelsItsTimeout() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().advanceMillis(20_000);
            assertThat(rtmp.stats().closed(CloseReason.HANDSHAKE_TIMEOUT)).isZero();
        }
    }


    @Test
    void connectionsBeyondTheLimitAreRefusedOnAccept() {
        RtmpServerConfig one = RtmpServerConfig.defaults().toBuilder().maxConnections(1).build();
        RtmpServerContext shared = shared(one, this::acceptKey);
        try (EmbeddedRtmp a = new EmbeddedRtmp(shared); EmbeddedRtmp b = new EmbeddedRtmp(shared)) {
            assertThat(a.channel.isOpen()).isTrue();
            assertThat(b.channel.isOpen()).isFalse();
            RtmpStats stats = shared.counters().snapshot();
            assertThat(stats.connectionsRefused()).isEqualTo(1);
            assertThat(stats.closed(CloseReason.CONNECTION_LIMIT)).isEqualTo(1);
            assertThat(stats.connectionsOpen()).isEqualTo(1);
        }
    }

}
