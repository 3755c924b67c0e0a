// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.local.junit.Await;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broadcast path end to end in one node, with real ffmpeg: a broadcast is created over REST,
 * ffmpeg publishes over RTMP with the broadcast's key, the program enters the relay, the ladder
 * transcodes it, the packager serves LL-HLS, and ffprobe reads the multivariant playlist over
 * HTTP. The ladder went through the directory's assignments: this node, the only transcode worker,
 * holds it. Also: a wrong key is refused.
 */
@QuarkusTest
class BroadcastPipelineTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    BroadcastService broadcasts;

    @Test
    @Timeout(150)
    void rtmpInLlHlsOut() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg (apt-get install ffmpeg)");
        JsonPath created = given().header("Authorization", "Bearer dev").contentType("application/json")
                .body("{\"name\":\"final\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String rtmp = created.getString("ingest.rtmp");
        assertThat(rtmp).endsWith("/live/" + created.getString("streamKey"));
        assertThat(created.getString("playback.hls")).endsWith("/hls/" + id + "/master.m3u8");

        Process wrong = TestBroadcasts.rtmpTestSource(rtmp.replace(created.getString("streamKey"), "not-a-key"), 2);
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).as("a wrong key is refused").isNotZero();

        Process publisher = TestBroadcasts.rtmpTestSource(rtmp, 40);
        try {
            Await.until("the main source is on air", Duration.ofSeconds(30),
                    () -> "main".equals(given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts/" + id)
                            .jsonPath().getString("program")));
            String master = base + "hls/" + id + "/master.m3u8";
            Await.until("the multivariant playlist lists a rendition", Duration.ofSeconds(60),
                    () -> given().get("/hls/" + id + "/master.m3u8").asString().contains("EXT-X-STREAM-INF"));
            String playlist = given().get("/hls/" + id + "/master.m3u8").asString();
            assertThat(playlist).contains("RESOLUTION=640x360", "CODECS=\"avc1.");
            Process probe = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height",
                    "-of", "csv=p=0", master)).redirectErrorStream(true).start();
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("h264,640,360").contains("aac");

            JsonPath transcode = given().header("Authorization", "Bearer dev").get("/api/v1/nodes/transcode")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(transcode.getString("assignments.find { it.key == '" + id + "/ladder' }.holder"))
                    .as("this node, the only worker, holds the ladder").isEqualTo("node-1");
            assertThat(transcode.getList("workers.worker")).containsExactly("node-1");
        } finally {
            publisher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
