// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.List;

/**
 * Test classes share one application: a broadcast left behind keeps its ladder transcoding the
 * slate and holds one of the worker's slots, so classes that make broadcasts delete them after
 * each test, as an operator would when a show ends.
 */
final class TestBroadcasts {
    private TestBroadcasts() {
    }

    /**
     * ffmpeg's test source (640x360, 30 fps) and a sine over RTMP for {@code seconds}: x264
     * veryfast/zerolatency with a 1 s GOP, AAC 128k, output discarded.
     */
    static Process rtmpTestSource(String url, int seconds) throws IOException {
        return new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "30",
                "-c:a", "aac", "-b:a", "128k", "-f", "flv", url))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void deleteAll() {
        List<String> ids = given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        for (String id : ids) {
            given().header("Authorization", "Bearer dev").delete("/api/v1/broadcasts/" + id);
        }
    }
}
