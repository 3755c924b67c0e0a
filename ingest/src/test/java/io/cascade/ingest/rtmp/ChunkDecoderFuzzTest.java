// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.cascade.ingest.testing.Mutator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzz targets for the chunk stream. Under {@code mvn test} Jazzer replays the corpus in
 * {@code ChunkDecoderFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} it fuzzes. Properties:
 * <ul>
 *   <li>the decoder, fed any bytes after the handshake in any split, throws nothing but
 *       {@link RtmpProtocolException}, holds no more than its pending limit, never buffers a
 *       message beyond the message limit, and leaks nothing;
 *   <li>the whole server pipeline (handshake done, then any bytes) never fails with an internal
 *       error, lets no exception escape, and leaks nothing;
 *   <li>whatever the encoder writes, the decoder reads back as the same messages.
 * </ul>
 */
@ExtendWith(LeakDetection.class)
class ChunkDecoderFuzzTest {
    private static final RtmpLimits LIMITS = new RtmpLimits(8192, 64 * 1024, 96 * 1024, 8);
    private static final String CORPUS = "io/cascade/ingest/rtmp/ChunkDecoderFuzzTestInputs/";
    private static final List<String> SEEDS = List.of("ffmpeg-publish-commands", "ffmpeg-publish-start",
            "extended-timestamp", "abort-mid-message", "set-chunk-size-then-big-message", "three-byte-chunk-stream-id",
            "type3-after-type0");

    @FuzzTest
    void arbitraryBytesAfterHandshake(byte[] data) {
        checkDecoder(data);
    }

    /** @return whether the whole input decoded without a violation */
    private static boolean checkDecoder(byte[] data) {
        ChunkDecoder decoder = new ChunkDecoder(LIMITS, PooledByteBufAllocator.DEFAULT);
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            // Feed in three slices, cut where the input says, as TCP reads would arrive.
            int first = data.length == 0 ? 0 : (data[0] & 0xFF) * data.length / 256;
            int second = first + (data.length - first) / 2;
            for (int[] slice : new int[][] {{0, first}, {first, second}, {second, data.length}}) {
                in.writeBytes(data, slice[0], slice[1] - slice[0]);
                decoder.decode(in, message -> {
                    try {
                        assertThat(message.payload().readableBytes()).isLessThanOrEqualTo(LIMITS.maxMessageSize());
                        assertThat(message.payload().capacity()).isLessThanOrEqualTo(LIMITS.maxMessageSize());
                    } finally {
                        message.release();
                    }
                });
                assertThat(decoder.pendingBytes()).isLessThanOrEqualTo(LIMITS.maxPendingBytes());
                assertThat(decoder.chunkStreams()).isLessThanOrEqualTo(LIMITS.maxChunkStreams());
                in.discardReadBytes();
            }
            return true;
        } catch (RtmpProtocolException expected) {
            assertThat(expected.reason()).isNotIn(CloseReason.INTERNAL_ERROR, CloseReason.SINK_FAILURE);
            return false;
        } finally {
            decoder.release();
            in.release();
        }
    }

    @FuzzTest
    void pipelineSurvivesArbitraryBytes(byte[] data) {
        checkPipeline(data);
    }

    private static void checkPipeline(byte[] data) {
        RtmpServerConfig config = RtmpServerConfig.defaults().toBuilder().maxChunkSize(8192).maxMessageSize(64 * 1024)
                .maxPendingBytes(96 * 1024).maxChunkStreams(8).build();
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(config,
                (app, key, client) -> PublishDecision.accept(new RecordingSink()))) {
            rtmp.handshake().write(data);
            rtmp.received();
            RtmpStats stats = rtmp.stats();
            assertThat(stats.closed(CloseReason.INTERNAL_ERROR)).isZero();
            assertThat(stats.closed(CloseReason.SINK_FAILURE)).isZero();
            rtmp.channel.checkException();
        }
    }

    @FuzzTest
    void encodeDecodeRoundTrip(FuzzedDataProvider data) {
        checkRoundTrip(data.consumeInt(1, 600), data.consumeInt(1, 12), data::consumeInt, data::consumeLong,
                data::consumeBytes);
    }

    interface IntRange {
        int next(int min, int max);
    }

    interface LongRange {
        long next(long min, long max);
    }

    interface Bytes {
        byte[] next(int max);
    }

    private static void checkRoundTrip(int chunkSize, int count, IntRange ints, LongRange longs, Bytes bytes) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.chunkSize(chunkSize);
        ChunkDecoder decoder = new ChunkDecoder(new RtmpLimits(65536, 1 << 20, 2 << 20, 64),
                PooledByteBufAllocator.DEFAULT);
        ByteBuf wire = Unpooled.buffer();
        try {
            // The decoder learns the chunk size the way a peer does: from a Set Chunk Size.
            RtmpMessage setChunkSize = Messages.message(2, 0, 0, new SetChunkSize(chunkSize));
            new ChunkEncoder().encode(setChunkSize, wire);
            setChunkSize.release();
            List<Messages.Copy> sent = new ArrayList<>();
            long[] clock = new long[8];
            for (int i = 0; i < count; i++) {
                int csid = List.of(3, 4, 6, 63, 64, 319, 320, 65599).get(ints.next(0, 7));
                int slot = Math.floorMod(csid, 8);
                clock[slot] = ints.next(0, 3) == 0 ? longs.next(0, 0xFFFFFFFFL) : clock[slot] + ints.next(0, 100);
                RtmpMessage message = Messages.message(csid, List.of(8, 9, 18, 20).get(ints.next(0, 3)), ints.next(0, 2),
                        clock[slot] & 0xFFFFFFFFL, bytes.next(2000));
                sent.add(Messages.Copy.of(message));
                encoder.encode(message, wire);
                message.release();
            }
            List<Messages.Copy> received = new ArrayList<>();
            decoder.decode(wire, m -> {
                received.add(Messages.Copy.of(m));
                m.release();
            });
            assertThat(wire.isReadable()).isFalse();
            assertThat(received.subList(1, received.size())).isEqualTo(sent);
        } finally {
            decoder.release();
        }
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsOfTheCorpusKeepTheDecoderProperties() {
        Random random = new Random(1935);
        List<byte[]> seeds = SEEDS.stream().map(s -> HexVector.resource(CORPUS + "arbitraryBytesAfterHandshake/" + s))
                .toList();
        int decoded = 0;
        int inputs = 3_000;
        for (int i = 0; i < inputs; i++) {
            decoded += checkDecoder(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(decoded).as("mutations reach both the accept and the reject path").isBetween(inputs / 20, inputs - inputs / 20);
    }

    @Test
    void seededMutationsOfTheCorpusNeverBreakThePipeline() {
        Random random = new Random(1936);
        List<byte[]> seeds = new ArrayList<>(SEEDS.stream()
                .map(s -> HexVector.resource(CORPUS + "pipelineSurvivesArbitraryBytes/" + s)).toList());
        seeds.add(HexVector.resource(CORPUS + "pipelineSurvivesArbitraryBytes/ffmpeg-publish-with-media"));
        for (int i = 0; i < 600; i++) {
            checkPipeline(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
    }

    @Test
    void seededRandomMessagesRoundTrip() {
        Random random = new Random(2024);
        for (int i = 0; i < 300; i++) {
            checkRoundTrip(1 + random.nextInt(600), 1 + random.nextInt(12), (min, max) -> min + random.nextInt(max - min + 1),
                    (min, max) -> min + (long) (random.nextDouble() * (max - min)), max -> {
                        byte[] b = new byte[random.nextInt(max + 1)];
                        random.nextBytes(b);
                        return b;
                    });
        }
    }

    @Test
    void corpusHoldsTheGoldenCommandSequence() {
        byte[] seed = HexVector.resource(CORPUS + "arbitraryBytesAfterHandshake/ffmpeg-publish-commands");
        assertThat(seed).isEqualTo(HexVector.load("io/cascade/ingest/rtmp/ffmpeg-publish-commands.hex"));
        assertThat(Arrays.copyOf(HexVector.resource(CORPUS + "pipelineSurvivesArbitraryBytes/ffmpeg-publish-with-media"),
                seed.length)).isEqualTo(seed);
    }
}
