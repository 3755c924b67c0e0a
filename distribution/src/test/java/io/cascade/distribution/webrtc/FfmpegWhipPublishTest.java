// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FFmpeg 8's WHIP muxer publishes and a real Chromium plays over WHEP. ffmpeg offers {@code
 * a=setup:passive}, so the gateway is the DTLS client here: it sends its ClientHello once ffmpeg's
 * ICE check told it where ffmpeg is. The media then takes the same relay path as a browser's.
 */
class FfmpegWhipPublishTest {
    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    @Timeout(60)
    void ffmpegPublishesThroughWhipAsDtlsServerAndChromiumPlaysThroughWhep() throws Exception {
        assumeTrue(Chromium.available(), "needs /usr/bin/chromium");
        try (WebRtcFixture fx = new WebRtcFixture("127.0.0.1", "127.0.0.1");
                Chromium chromium = Chromium.start();
                FfmpegWhipPublisher ffmpeg = FfmpegWhipPublisher.start(fx.url("/whip/ff1"), "dev",
                        Duration.ofSeconds(10))) {
            // The muxer's header returns only after offer/answer, ICE and its DTLS handshake.
            ffmpeg.connected().get(20, TimeUnit.SECONDS);
            WebRtcSession publisher = fx.gateway.sessions().stream()
                    .filter(s -> s.kind() == WebRtcSession.Kind.PUBLISH).findFirst().orElseThrow();
            publisher.secured().get(10, TimeUnit.SECONDS);
            assertThat(fx.gateway.dtlsCounters().handshakesSucceeded()).isOne();

            String viewer = fx.load(chromium, "/play.html");
            JsonNode played = chromium.evaluate(viewer, "window.play('ff1')", STEP);
            assertThat(played.path("status").asInt()).as(played.toString()).isEqualTo(201);
            Await.until("Chromium decodes ffmpeg's video", Duration.ofSeconds(20),
                    () -> chromium.evaluate(viewer, "window.cascade.stats()", STEP).path("framesDecoded").asLong() > 30,
                    () -> "viewer stats: " + chromium.evaluate(viewer, "window.cascade.stats()", STEP)
                            + ", ffmpeg sent " + ffmpeg.videoFrames() + " frames");
            JsonNode stats = chromium.evaluate(viewer, "window.cascade.stats()", STEP);
            System.out.println("WHEP viewer of ffmpeg's WHIP stream: " + stats);
            assertThat(stats.path("width").asInt()).isEqualTo(FfmpegWhipPublisher.WIDTH);
            assertThat(stats.path("codec").asText()).startsWith("video/H264");
            Await.until("Chromium receives ffmpeg's audio", Duration.ofSeconds(10),
                    () -> chromium.evaluate(viewer, "window.cascade.stats()", STEP).path("audioBytes").asLong() > 0);

            // At the end the muxer DELETEs its session (RFC 9725 §4.2); the viewer goes with it.
            ffmpeg.finished().get(20, TimeUnit.SECONDS);
            assertThat(publisher.closed().get(10, TimeUnit.SECONDS)).isEqualTo("deleted by the client");
            System.out.println("ffmpeg sent " + ffmpeg.videoFrames() + " video and " + ffmpeg.audioFrames()
                    + " audio frames; ICE checks answered " + fx.gateway.counters().stunCount(IceLite.Outcome.ANSWERED)
                    + ", DTLS datagrams sent " + fx.gateway.dtlsCounters().datagramsSent());
        }
    }
}
