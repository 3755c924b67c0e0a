// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WHEP with the rendition following the viewer's downlink, end to end with real ffmpeg and
 * Chromium: ffmpeg publishes a 720p broadcast over RTMP, the ladder makes 720p (High), 480p and
 * 360p (Main) and the same renditions as layers of {@code bcast/{id}/webrtc}; the watch page's
 * WHEP viewer, naming no rendition, decodes the top layer; capping its downlink at the gateway
 * ({@code limitDownlink}, as a room member's {@code room.bandwidth} does) brings it down to the
 * lowest rendition at a keyframe, and lifting the cap brings it back up.
 */
@QuarkusTest
class WhepLayersAppTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    private static final Logger LOG = Logger.getLogger(WhepLayersAppTest.class);
    private static final Duration STEP = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    @Inject
    WebRtcService webRtc;

    @Test
    @Timeout(240)
    void aWhepViewersRenditionFollowsItsDownlinkAtKeyframes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg (apt-get install ffmpeg)");
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium)");
        JsonPath created = given().header("Authorization", "Bearer dev").contentType("application/json")
                .body("{\"name\":\"layers\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        Process publisher = ffmpeg(created.getString("ingest.rtmp"), 200);
        try (Chromium chromium = Chromium.start()) {
            Await.until("the layered WebRTC stream is registered", Duration.ofSeconds(60), () -> webRtc.playsLayers(id));

            String whep = load(chromium, "watch/" + id + "?mode=whep");
            JsonNode answered = chromium.evaluate(whep, "window.cascade.ready", STEP);
            assertThat(answered.path("status").asInt()).as(answered.toString()).isEqualTo(201);
            String session = answered.path("location").asText().replaceAll(".*/", "");
            assertThat(webRtc.gateway().session(session)).as("the viewer's session").isPresent()
                    .get().extracting(s -> s.stream().value()).isEqualTo("bcast/" + id + "/webrtc");

            Await.until("the viewer decodes the top rendition (1280 wide)", Duration.ofSeconds(60),
                    () -> stats(chromium, whep).path("frameWidth").asInt() == 1280
                            && stats(chromium, whep).path("framesDecoded").asLong() > 30,
                    () -> stats(chromium, whep).toString());

            LOG.infof("WHEP layers: top layer decoded, %s", stats(chromium, whep));
            Await.until("the directory knows this node serves the viewer's session", Duration.ofSeconds(15),
                    () -> given().header("Authorization", "Bearer dev").get("/api/v1/viewers/" + session).statusCode() == 200);
            JsonPath listed = given().header("Authorization", "Bearer dev").get("/api/v1/viewers/" + session).jsonPath();
            assertThat(listed.getString("node")).isEqualTo("node-1");
            assertThat(listed.getString("broadcast")).isEqualTo(id);
            assertThat(listed.getString("kind")).isEqualTo("whep");
            long capped = System.nanoTime();
            webRtc.gateway().limitDownlink(session, 300); // below even 360p's 600 kbit/s: the lowest layer
            Await.until("capped, the viewer drops to 360p (640 wide)", Duration.ofSeconds(30),
                    () -> stats(chromium, whep).path("frameWidth").asInt() == 640, () -> stats(chromium, whep).toString());
            LOG.infof("WHEP layers: down to 640 wide %d ms after the cap", (System.nanoTime() - capped) / 1_000_000);
            long decoded = stats(chromium, whep).path("framesDecoded").asLong();
            Await.until("and goes on decoding", Duration.ofSeconds(15),
                    () -> stats(chromium, whep).path("framesDecoded").asLong() > decoded + 30, () -> stats(chromium, whep).toString());

            long lifted = System.nanoTime();
            webRtc.gateway().limitDownlink(session, 0);
            Await.until("uncapped, the viewer rises above 360p", Duration.ofSeconds(45),
                    () -> stats(chromium, whep).path("frameWidth").asInt() > 640, () -> stats(chromium, whep).toString());
            LOG.infof("WHEP layers: up again %d ms after lifting the cap, %s", (System.nanoTime() - lifted) / 1_000_000,
                    stats(chromium, whep));
            long after = stats(chromium, whep).path("framesDecoded").asLong();
            Await.until("and goes on decoding", Duration.ofSeconds(15),
                    () -> stats(chromium, whep).path("framesDecoded").asLong() > after + 30, () -> stats(chromium, whep).toString());

            String pinned = load(chromium, "watch/" + id + "?mode=whep&rendition=480p");
            JsonNode pinnedAnswer = chromium.evaluate(pinned, "window.cascade.ready", STEP);
            assertThat(pinnedAnswer.path("status").asInt()).as(pinnedAnswer.toString()).isEqualTo(201);
            Await.until("?rendition=480p still pins that rendition", Duration.ofSeconds(30),
                    () -> stats(chromium, pinned).path("frameWidth").asInt() == 854, () -> stats(chromium, pinned).toString());
        } finally {
            publisher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonNode stats(Chromium chromium, String page) {
        return chromium.evaluate(page, "window.cascade.stats()", STEP);
    }

    private String load(Chromium chromium, String path) {
        String session = chromium.open(base + path);
        Await.until("page " + path + " loaded", Duration.ofSeconds(15),
                () -> chromium.evaluate(session, "document.readyState === 'complete' && !!window.cascade", Duration.ofSeconds(5)).asBoolean());
        return session;
    }

    /** ffmpeg's test source at 1280x720 over RTMP, x264 zerolatency with a 1 s GOP, AAC. */
    private static Process ffmpeg(String url, int seconds) throws Exception {
        return new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30",
                "-c:a", "aac", "-b:a", "128k", "-f", "flv", url))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
