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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The viewer side end to end, with real ffmpeg and Chromium: ffmpeg publishes a broadcast over
 * RTMP, the watch page plays its LL-HLS with the vendored hls.js and stays near the live edge,
 * then plays a rendition over WHEP (H.264 and Opus; the rendition's AAC track is not offered),
 * and the broadcast's state counts the viewers.
 */
@QuarkusTest
class WatchPageTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    private static final Duration STEP = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    @Test
    void anUnknownBroadcastHasNoWatchPage() {
        given().get("/watch/no-such-broadcast").then().statusCode(404);
        given().get("/vendor/hls.js/hls.min.js").then().statusCode(200);
        given().get("/vendor/hls.js/LICENSE").then().statusCode(200);
    }

    @Test
    @Timeout(240)
    void chromiumPlaysABroadcastOverLlHlsAndOverWhep() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg (apt-get install ffmpeg)");
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium)");
        JsonPath created = given().header("Authorization", "Bearer dev").contentType("application/json")
                .body("{\"name\":\"watch\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        Process publisher = TestBroadcasts.rtmpTestSource(created.getString("ingest.rtmp"), 150);
        try (Chromium chromium = Chromium.start()) {
            Await.until("the broadcast has an HLS rendition", Duration.ofSeconds(60),
                    () -> given().get("/hls/" + id + "/master.m3u8").asString().contains("EXT-X-STREAM-INF"));

            String hls = load(chromium, "watch/" + id + "?mode=hls");
            JsonNode ready = chromium.evaluate(hls, "window.cascade.ready", STEP);
            assertThat(ready.path("mode").asText()).as(ready.toString()).isEqualTo("hls");
            assertThat(ready.has("error")).as(ready.toString()).isFalse();
            Await.until("hls.js decodes frames", Duration.ofSeconds(45),
                    () -> stats(chromium, hls).path("framesDecoded").asLong() > 60, () -> stats(chromium, hls).toString());
            long before = stats(chromium, hls).path("framesDecoded").asLong();
            Await.until("decoding goes on and the latency is known", Duration.ofSeconds(30),
                    () -> stats(chromium, hls).path("framesDecoded").asLong() > before + 60
                            && stats(chromium, hls).path("latencyToLiveEdge").isNumber(), () -> stats(chromium, hls).toString());
            JsonNode h = stats(chromium, hls);
            assertThat(h.path("peer").asText()).isEqualTo("broadcast");
            assertThat(h.path("mode").asText()).isEqualTo("hls");
            assertThat(h.path("bytesReceived").asLong()).as(h.toString()).isPositive();
            // LL-HLS: hls.js starts PART-HOLD-BACK (0.6 s) behind; a few seconds is the outer bound. A stall
            // on a starved host (the first parts of a fresh broadcast) puts it further back, and its
            // catch-up (maxLiveSyncPlaybackRate 1.5) must bring it back within the bound
            Await.until("hls.js is near the live edge", Duration.ofSeconds(30),
                    () -> stats(chromium, hls).path("latencyToLiveEdge").asDouble(99) < 5.0, () -> stats(chromium, hls).toString());
            assertThat(stats(chromium, hls).path("latencyToLiveEdge").asDouble()).isGreaterThanOrEqualTo(0.0);
            Await.until("the HLS viewer is counted", Duration.ofSeconds(10), () -> viewers(id) >= 1);

            String whep = load(chromium, "watch/" + id + "?mode=whep");
            JsonNode answered = chromium.evaluate(whep, "window.cascade.ready", STEP);
            assertThat(answered.path("status").asInt()).as(answered.toString()).isEqualTo(201);
            Await.until("WHEP decodes video and receives Opus", Duration.ofSeconds(40),
                    () -> stats(chromium, whep).path("framesDecoded").asLong() > 30
                            && stats(chromium, whep).path("audioBytesReceived").asLong() > 0,
                    () -> stats(chromium, whep).toString());
            JsonNode w = stats(chromium, whep);
            assertThat(w.path("mode").asText()).isEqualTo("whep");
            assertThat(w.path("frameWidth").asInt()).isEqualTo(640);
            Await.until("both viewers are counted", Duration.ofSeconds(10), () -> viewers(id) >= 2);
        } finally {
            publisher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long viewers(String id) {
        return given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts/" + id).jsonPath().getLong("viewers");
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
}
