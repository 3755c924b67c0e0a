// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import io.cascade.ingest.flv.AvcSequenceParameterSet;
import io.cascade.ingest.testing.Await;
import io.cascade.ingest.testing.LeakDetection;
import io.cascade.ingest.testing.LogCapture;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server against FFmpeg 5.1, the real publisher: a full publish, a wrong key, a duplicate
 * key, the -rtmp_* options, and FFmpeg as a player (which checks the digest handshake).
 * Skipped where /usr/bin/ffmpeg is missing ({@code apt-get install ffmpeg}).
 */
@ExtendWith(LeakDetection.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FfmpegPublishTest {
    private static final String KEY = "s3cr3t-Key_1";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final Map<String, List<RecordingSink>> sinks = new ConcurrentHashMap<>();
    private final List<String> publishCalls = new CopyOnWriteArrayList<>();
    private RtmpServer server;
    private int port;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(FfmpegPublisher.available(), "ffmpeg is not installed (apt-get install ffmpeg)");
        RtmpServerConfig config = RtmpServerConfig.defaults().toBuilder().port(0).ioThreads(2).build();
        server = new RtmpServer(config, this::decide);
        port = server.start().getPort();
    }

    private PublishDecision decide(String app, String key, InetSocketAddress client) {
        publishCalls.add(app + "/" + key + " from " + client.getAddress().getHostAddress());
        if (!app.equals("live") || !(StreamKeys.matches(KEY, key) || StreamKeys.matches("other", key))) {
            return PublishDecision.refuse("unknown stream key");
        }
        RecordingSink sink = new RecordingSink();
        sinks.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(sink);
        return PublishDecision.accept(sink);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String url(String key) {
        return "rtmp://127.0.0.1:" + port + "/live/" + key;
    }

    private RecordingSink onlySink(String key) {
        assertThat(sinks.get(key)).as("sinks for the key").hasSize(1);
        return sinks.get(key).get(0);
    }

    @Test
    void ffmpegPublishDeliversConfigurationsFramesMetadataAndANormalEnd() throws Exception {
        try (LogCapture log = LogCapture.of("io.cascade.ingest.rtmp");
                FfmpegPublisher ffmpeg = FfmpegPublisher.publish(url(KEY), 3, "publish")) {
            assertThat(ffmpeg.awaitExit(60)).as(ffmpeg.output()).isZero();
            Await.until("the publish to end", BOUND, () -> sinks.containsKey(KEY) && onlySink(KEY).ended());
            assertThat(publishCalls).containsExactly("live/" + KEY + " from 127.0.0.1");
            RecordingSink sink = onlySink(KEY);

            assertThat(sink.videoConfigs).hasSize(1);
            AvcDecoderConfigurationRecord avc = sink.videoConfigs.get(0);
            assertThat(avc.nalUnitLengthSize()).isEqualTo(4);
            assertThat(avc.sequenceParameterSets()).hasSize(1);
            assertThat(avc.pictureParameterSets()).hasSize(1);
            AvcSequenceParameterSet sps = avc.firstSps();
            assertThat(sps.width()).isEqualTo(640);
            assertThat(sps.height()).isEqualTo(360);
            assertThat(sps.profileIdc()).isEqualTo(avc.profileIndication());
            assertThat(sps.levelIdc()).isEqualTo(avc.levelIndication());
            assertThat(sink.videoConfigBytes.get(0)).isEqualTo(avc.encode());

            List<VideoFrame> frames = sink.videoFrames;
            assertThat(frames).hasSizeBetween(88, 91);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).keyframe()).as("frame %d is a key frame", i).isEqualTo(i % 30 == 0);
                assertThat(MediaDemuxer.framedExactly(Unpooled.wrappedBuffer(frames.get(i).avcc()), 4)).isTrue();
                if (i > 0) {
                    assertThat(frames.get(i).dtsMs()).isGreaterThanOrEqualTo(frames.get(i - 1).dtsMs());
                }
            }
            assertThat(frames.get(0).avcc().length).as("a key frame spans several 4096-byte chunks").isGreaterThan(4096);
            assertThat(frames.get(frames.size() - 1).dtsMs() - frames.get(0).dtsMs()).isBetween(2800L, 3100L);

            assertThat(sink.audioConfigs).hasSize(1);
            AudioSpecificConfig asc = sink.audioConfigs.get(0);
            assertThat(asc.audioObjectType()).isEqualTo(2);
            assertThat(asc.samplingFrequency()).isEqualTo(48000);
            assertThat(asc.channelConfiguration()).isEqualTo(1);
            assertThat(sink.audioFrames).hasSizeGreaterThan(120);

            assertThat(sink.metadata).hasSize(1);
            assertThat(sink.metadata.get(0)).containsEntry("width", 640.0).containsEntry("height", 360.0);
            assertThat(sink.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.NORMAL);
            assertThat(sink.thread.get()).as("sink calls run on the connection's event loop").isNotNull();

            Await.until("the client's close to be counted", BOUND,
                    () -> server.stats().closed(CloseReason.CLIENT_CLOSED) == 1);
            RtmpStats stats = server.stats();
            assertThat(stats.publishesAccepted()).isEqualTo(1);
            assertThat(stats.videoFrames()).isEqualTo(frames.size());
            assertThat(server.isLive("live", KEY)).isFalse();
            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(KEY));
        }
    }

    @Test
    void wrongKeyIsRefusedAndFfmpegExitsWithAnError() throws Exception {
        try (LogCapture log = LogCapture.of("io.cascade.ingest.rtmp");
                FfmpegPublisher ffmpeg = FfmpegPublisher.publish(url("wrong-key-123"), 3, "wrong-key")) {
            assertThat(ffmpeg.awaitExit(30)).isNotZero();
            assertThat(ffmpeg.output()).contains("unknown stream key");
            Await.until("the refusal to be counted", BOUND, () -> server.stats().closed(CloseReason.PUBLISH_REFUSED) == 1);
            assertThat(server.stats().publishesRefused()).isEqualTo(1);
            assertThat(sinks).isEmpty();
            assertThat(log.lines()).anyMatch(line -> line.contains("closed: publish refused"))
                    .noneMatch(line -> line.contains("wrong-key-123"));
        }
    }

    @Test
    void secondPublisherOfALiveKeyIsRefusedWhileTheFirstCarriesOn() throws Exception {
        try (FfmpegPublisher first = FfmpegPublisher.publish(url(KEY), 8, "first")) {
            Await.until("the first publisher's frames", BOUND,
                    () -> sinks.containsKey(KEY) && onlySink(KEY).videoFrames.size() >= 30);
            assertThat(server.isLive("live", KEY)).isTrue();
            try (FfmpegPublisher second = FfmpegPublisher.publish(url(KEY), 3, "second")) {
                assertThat(second.awaitExit(30)).isNotZero();
                assertThat(second.output()).contains("already being published");
            }
            assertThat(server.stats().closed(CloseReason.DUPLICATE_PUBLISH)).isEqualTo(1);
            RecordingSink refused = sinks.get(KEY).get(1);
            assertThat(refused.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.REFUSED);
            assertThat(refused.videoFrames).isEmpty();

            RecordingSink live = sinks.get(KEY).get(0);
            int before = live.videoFrames.size();
            Await.until("the first publisher to carry on", BOUND, () -> live.videoFrames.size() >= before + 30);
            assertThat(live.ended()).isFalse();
            assertThat(first.awaitExit(60)).isZero();
            Await.until("the first publish to end", BOUND, live::ended);
            assertThat(live.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.NORMAL);
        }
    }

    @Test
    void rtmpAppAndPlaypathOptionsPublishTheSameWay() throws Exception {
        String bare = "rtmp://127.0.0.1:" + port;
        try (FfmpegPublisher ffmpeg = FfmpegPublisher.publish(bare, 2, "options", "-rtmp_app", "live",
                "-rtmp_playpath", KEY, "-rtmp_flashver", "FMLE/3.0 (compatible; Cascade test)")) {
            assertThat(ffmpeg.awaitExit(60)).as(ffmpeg.output()).isZero();
            Await.until("the publish to end", BOUND, () -> sinks.containsKey(KEY) && onlySink(KEY).ended());
            assertThat(onlySink(KEY).videoFrames).hasSizeGreaterThan(50);
            assertThat(onlySink(KEY).ends.get(0).isNormal()).isTrue();
        }
    }

    @Test
    void ffmpegAsAPlayerPassesTheDigestHandshakeAndIsToldPlaybackIsNotServed() throws Exception {
        try (FfmpegPublisher player = FfmpegPublisher.run("player", "-loglevel", "debug", "-i", url(KEY),
                "-t", "1", "-f", "null", "-")) {
            assertThat(player.awaitExit(30)).isNotZero();
            String output = player.output();
            assertThat(output).doesNotContain("Server response validating failed").doesNotContain("Signature mismatch")
                    .contains("playback is not served by ingest");
            Await.until("the refusal to be counted", BOUND, () -> server.stats().closed(CloseReason.UNSUPPORTED) == 1);
        }
    }
}
