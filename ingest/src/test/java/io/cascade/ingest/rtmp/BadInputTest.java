// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.testing.Await;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.cascade.ingest.testing.LogCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and broken clients over real loopback TCP while FFmpeg publishes on another key: each
 * bad connection is closed and counted under its reason, with one log line, and the publisher's
 * frames keep arriving. Without /usr/bin/ffmpeg the bad inputs still run; only the check on the
 * concurrent publisher is skipped.
 */
@ExtendWith(LeakDetection.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final RecordingSink publisherSink = new RecordingSink();
    private RtmpServer server;
    private int port;
    private FfmpegPublisher ffmpeg;

    @BeforeAll
    void startServerAndPublisher() throws Exception {
        RtmpServerConfig config = RtmpServerConfig.defaults().toBuilder().port(0).ioThreads(2)
                .handshakeTimeout(Duration.ofSeconds(3)).idleTimeout(Duration.ofSeconds(5)).build();
        server = new RtmpServer(config, (app, key, client) ->
                key.equals("good") ? PublishDecision.accept(publisherSink) : PublishDecision.accept(new RecordingSink()));
        port = server.start().getPort();
        if (FfmpegPublisher.available()) {
            ffmpeg = FfmpegPublisher.publish("rtmp://127.0.0.1:" + port + "/live/good", 120, "concurrent");
            Await.until("the concurrent publisher's first frames", Duration.ofSeconds(30),
                    () -> publisherSink.videoFrames.size() >= 10, () -> ffmpeg.output());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (ffmpeg != null) {
            ffmpeg.close();
        }
        server.close();
        if (ffmpeg != null) {
            assertThat(publisherSink.ends).hasSize(1);
        }
    }

    /** Runs {@code attack} on a fresh connection and checks the close, the count and the publisher. */
    private void assertClosedAndCounted(CloseReason reason, Consumer<RawClient> attack) {
        long before = server.stats().closed(reason);
        int framesBefore = publisherSink.videoFrames.size();
        try (LogCapture log = LogCapture.of("io.cascade.ingest.rtmp"); RawClient client = new RawClient(port)) {
            attack.accept(client);
            assertThat(client.closedByServerWithin(BOUND)).as("server closed the connection").isTrue();
            Await.until(reason + " counted", BOUND, () -> server.stats().closed(reason) == before + 1,
                    () -> server.stats().closedByReason().toString());
            assertThat(log.lines()).filteredOn(line -> line.contains("closed: " + reason.label())).hasSize(1);
        }
        if (ffmpeg != null) {
            Await.until("the concurrent publisher's frames to keep coming", BOUND,
                    () -> publisherSink.videoFrames.size() >= framesBefore + 15);
            assertThat(publisherSink.ended()).isFalse();
        }
    }

    private static byte[] chunk(int csid, int typeId, int streamId, byte[] body) {
        ByteBuf out = Unpooled.buffer();
        new ChunkEncoder().encode(new RtmpMessage(csid, typeId, streamId, 0, Unpooled.wrappedBuffer(body)), out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void garbageInsteadOfAHandshakeIsClosedAtOnce() {
        assertClosedAndCounted(CloseReason.HANDSHAKE_INVALID, client ->
                client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void silenceInsteadOfAHandshakeTimesOut() {
        assertClosedAndCounted(CloseReason.HANDSHAKE_TIMEOUT, client -> client.write(new byte[] {3}));
    }

    @Test
    void silenceAfterTheHandshakeTimesOut() {
        assertClosedAndCounted(CloseReason.IDLE_TIMEOUT, RawClient::handshake);
    }

    @Test
    void truncatedChunkThenCloseFreesThePartialMessage() {
        long before = server.stats().closed(CloseReason.CLIENT_CLOSED);
        try (RawClient client = new RawClient(port)) {
            client.handshake();
            byte[] whole = chunk(6, 9, 1, new byte[1000]);
            client.write(java.util.Arrays.copyOf(whole, 12 + 128 + 1 + 50)); // one chunk and part of the next
        }
        Await.until("the abandoned connection to be counted", BOUND,
                () -> server.stats().closed(CloseReason.CLIENT_CLOSED) == before + 1);
    }

    @Test
    void setChunkSizeOfZeroIsAProtocolError() {
        assertClosedAndCounted(CloseReason.PROTOCOL_ERROR, client -> client.handshake()
                .write(HexVector.parse("02 000000 000004 01 00000000  00000000  # Set Chunk Size 0")));
    }

    @Test
    void setChunkSizeOfTwoToTheThirtyOneMinusOneIsRefused() {
        assertClosedAndCounted(CloseReason.CHUNK_SIZE_LIMIT, client -> client.handshake()
                .write(HexVector.parse("02 000000 000004 01 00000000  7fffffff  # Set Chunk Size 2^31 - 1")));
    }

    @Test
    void messageLengthOfSixteenMebibytesIsRefused() {
        assertClosedAndCounted(CloseReason.MESSAGE_SIZE_LIMIT, client -> client.handshake()
                .write(HexVector.parse("04 000000 ffffff 09 01000000  # video message of 16 MiB - 1")));
    }

    @Test
    void thousandsOfChunkStreamIdsAreRefused() {
        assertClosedAndCounted(CloseReason.CHUNK_STREAM_LIMIT, client -> {
            client.handshake();
            ByteBuf flood = Unpooled.buffer();
            for (int csid = 320; csid < 320 + 3000; csid++) {
                new ChunkBasicHeader(0, csid).encode(flood);
                new ChunkMessageHeader(0, 0, 1, 9, 1).encode(flood);
                flood.writeByte(0x17);
            }
            client.write(ByteBufUtil.getBytes(flood));
        });
    }

    @Test
    void randomBytesAfterTheHandshakeAreRefused() {
        java.util.Random random = new java.util.Random(42);
        byte[] noise = new byte[20_000];
        random.nextBytes(noise);
        noise[0] = 0x03; // fmt 0 on csid 3, so the decoder gets past the first header
        long closedBefore = server.stats().closedByReason().values().stream().mapToLong(Long::longValue).sum();
        int framesBefore = publisherSink.videoFrames.size();
        try (RawClient client = new RawClient(port)) {
            client.handshake().write(noise);
            assertThat(client.closedByServerWithin(BOUND)).isTrue();
        }
        Await.until("the close to be counted", BOUND, () -> server.stats().closedByReason().values().stream()
                .mapToLong(Long::longValue).sum() == closedBefore + 1);
        assertThat(server.stats().closed(CloseReason.INTERNAL_ERROR)).isZero();
        if (ffmpeg != null) {
            Await.until("the concurrent publisher's frames", BOUND,
                    () -> publisherSink.videoFrames.size() >= framesBefore + 15);
        }
    }
}
