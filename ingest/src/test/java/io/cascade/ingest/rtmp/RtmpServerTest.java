// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.testing.Await;
import io.cascade.ingest.testing.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starting and stopping the server, on its own event loops or on shared ones; settings validation. */
@ExtendWith(LeakDetection.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtmpServerTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static RtmpServerConfig anyPort() {
        return RtmpServerConfig.defaults().toBuilder().port(0).ioThreads(1).build();
    }

    /** connect, createStream and publish KEY, chunked at 128 as a fresh client does. */
    private static byte[] publishCommands() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuf out = Unpooled.buffer();
        for (RtmpMessage message : List.of(
                Messages.message(3, 0, 0, CommandMessage.of("connect", 1, Amf0Object.builder().put("app", "live").build())),
                Messages.message(3, 0, 0, CommandMessage.of("createStream", 2, Amf0Null.INSTANCE)),
                Messages.message(8, 1, 0, CommandMessage.of("publish", 3, Amf0Null.INSTANCE, new Amf0String("KEY"),
                        new Amf0String("live"))))) {
            encoder.encode(message, out);
            message.release();
        }
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void stoppingClosesConnectionsAndEndsTheirPublishes() {
        RecordingSink sink = new RecordingSink();
        RtmpServer server = new RtmpServer(anyPort(), (app, key, client) -> PublishDecision.accept(sink));
        try (RawClient client = new RawClient(server.start().getPort())) {
            client.handshake().write(publishCommands());
            Await.until("the publish to start", BOUND, () -> server.isLive("live", "KEY"));
            server.close();
            assertThat(client.closedByServerWithin(BOUND)).isTrue();
            assertThat(sink.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.ERROR);
            assertThat(server.stats().closed(CloseReason.SERVER_STOPPED)).isEqualTo(1);
            Await.until("no connection open", BOUND, () -> server.stats().connectionsOpen() == 0);
            assertThat(server.isLive("live", "KEY")).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void aSharedEventLoopGroupIsLeftRunning() {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            RtmpServer server = new RtmpServer(anyPort(), (app, key, client) -> PublishDecision.refuse("no"), group);
            int port = server.start().getPort();
            try (RawClient client = new RawClient(port)) {
                client.handshake();
                Await.until("the connection to be counted", BOUND, () -> server.stats().connectionsOpen() == 1);
            }
            server.close();
            assertThat(group.isShuttingDown()).isFalse();
            RtmpServer again = new RtmpServer(anyPort(), (app, key, client) -> PublishDecision.refuse("no"), group);
            assertThat(again.start().getPort()).isPositive();
            again.close();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aBusyPortAndASecondStartAreRefused() {
        try (RtmpServer first = new RtmpServer(anyPort(), (app, key, client) -> PublishDecision.refuse("no"))) {
            int port = first.start().getPort();
            assertThat(first.localAddress().getPort()).isEqualTo(port);
            assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);
            try (RtmpServer second = new RtmpServer(anyPort().toBuilder().port(port).build(),
                    (app, key, client) -> PublishDecision.refuse("no"))) {
                assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(":" + port);
            }
        }
    }

    @Test
    void defaultsAreThoseDocumented() {
        RtmpServerConfig defaults = RtmpServerConfig.defaults();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(1935);
        assertThat(defaults.maxChunkSize()).isEqualTo(65536);
        assertThat(defaults.maxMessageSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(defaults.maxPendingBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(defaults.maxChunkStreams()).isEqualTo(64);
        assertThat(defaults.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSetting() {
        RtmpServerConfig.Builder builder = RtmpServerConfig.defaults().toBuilder();
        assertThatThrownBy(() -> builder.maxChunkSize(1 << 24).build()).hasMessageContaining("maxChunkSize");
        assertThatThrownBy(() -> RtmpServerConfig.defaults().toBuilder().maxMessageSize(1 << 24).build())
                .hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> RtmpServerConfig.defaults().toBuilder().maxPendingBytes(8 << 20).build())
                .hasMessageContaining("maxPendingBytes");
        assertThatThrownBy(() -> RtmpServerConfig.defaults().toBuilder().port(70000).build())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> RtmpServerConfig.defaults().toBuilder().idleTimeout(Duration.ZERO).build())
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> RtmpServerConfig.defaults().toBuilder().outChunkSize(1 << 20).build())
                .hasMessageContaining("outChunkSize");
    }

    @Test
    void streamKeysCompareExactlyAndLogAsAFingerprint() {
        assertThat(StreamKeys.matches("abc", "abc")).isTrue();
        assertThat(StreamKeys.matches("abc", "abd")).isFalse();
        assertThat(StreamKeys.matches("abc", "abcd")).isFalse();
        assertThat(StreamKeys.matches("abc", null)).isFalse();
        assertThat(StreamKeys.matches("clé", "clé")).isTrue();
        // SHA-256("KEY") starts 5ca24005...
        assertThat(StreamKeys.fingerprint("KEY")).isEqualTo("sha256:5ca24005").doesNotContain("KEY");
    }
}
