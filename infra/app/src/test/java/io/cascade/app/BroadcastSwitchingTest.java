// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.local.junit.Await;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real ffmpeg RTMP cameras on one broadcast, through the whole path (input manager, origin,
 * transcode, LL-HLS): an operator cut, a backup failover, the slate when nothing is live, an SRT
 * camera beside an RTMP one, and bad requests. {@code main} is testsrc2 (mean V about 128), {@code cam2} is solid red (mean V about
 * 240), so decoded output frames tell the sources apart.
 */
@QuarkusTest
class BroadcastSwitchingTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    private static final String AUTH = "Bearer dev";
    private static final String MAIN = "testsrc2=size=640x360:rate=30";
    private static final String RED = "color=c=red:size=640x360:rate=30";
    /** One frame at 30 fps is 33.3 ms: the timeline may advance by at most two across a switch. */
    private static final double MAX_STEP = 2 * 0.0334 + 0.002;

    @Inject
    BroadcastService broadcasts;

    @Inject
    PlatformServices platform;

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void anOperatorCutSwitchesAtAnIdrOnAContinuousTimeline() throws Exception {
        assumeFfmpeg();
        List<Event> events = new CopyOnWriteArrayList<>();
        JsonPath created = create();
        String id = created.getString("id");
        String cam2 = addSource(id, "cam2");
        List<Process> cameras = new ArrayList<>();
        try (var consumer = EventConsumer.start(platform.kafkaClientConfig(), "cascade.events", "cut-" + id, events::add)) {
            cameras.add(Cameras.rtmp(created.getString("ingest.rtmp"), MAIN, 880, 80));
            awaitMainOnAir(id); // before cam2 starts: the first live camera goes on air
            cameras.add(Cameras.rtmp(cam2, RED, 440, 80));
            Await.until("cam2 live", Duration.ofSeconds(20), () -> state(id).getBoolean("sources[1].live"));
            Await.until("two 360p segments of main", Duration.ofSeconds(40),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 2);

            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            Await.until("cam2 on air", Duration.ofSeconds(5), () -> "cam2".equals(state(id).getString("program")));
            Await.until("program.switched (operator) on Kafka", Duration.ofSeconds(20),
                    () -> switched(events, id, "cam2", "operator"));
            int atSwitch = BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size();
            Await.until("two 360p segments of cam2", Duration.ofSeconds(15),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= Math.min(6, atSwitch + 2)
                            && redFramesOut(id));

            Path file = BroadcastHls.download(id, "360p", dir.resolve("cut.mp4"));
            List<Double> pts = BroadcastHls.videoPts(file);
            assertThat(pts).hasSizeGreaterThan(60);
            for (int i = 1; i < pts.size(); i++) {
                double step = pts.get(i) - pts.get(i - 1);
                assertThat(step).as("pts step %d: %s -> %s", i, pts.get(i - 1), pts.get(i)).isPositive()
                        .isLessThanOrEqualTo(MAX_STEP);
            }
            List<BroadcastHls.Frame> frames = BroadcastHls.frames(file);
            int firstRed = indexOfFirstRed(frames);
            assertThat(firstRed).as("cam2's frames reach HLS after main's").isPositive();
            assertThat(frames.subList(firstRed, frames.size())).allMatch(f -> f.vAvg() > 200);
            assertThat(frames.get(firstRed).key()).as("the renditions cut an IDR at the switch").isTrue();
        } finally {
            cameras.forEach(Cameras::kill);
        }
    }

    @Test
    @Timeout(90)
    void theBackupTakesOverWithinTwoSecondsOfTheMainCameraDying() throws Exception {
        assumeFfmpeg();
        List<Event> events = new CopyOnWriteArrayList<>();
        JsonPath created = create();
        String id = created.getString("id");
        String cam2 = addSource(id, "cam2");
        given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                .post("/api/v1/broadcasts/" + id + "/backup").then().statusCode(202).body("backup", equalTo("cam2"));
        List<Process> cameras = new ArrayList<>();
        try (var consumer = EventConsumer.start(platform.kafkaClientConfig(), "cascade.events", "failover-" + id, events::add)) {
            Process main = Cameras.rtmp(created.getString("ingest.rtmp"), MAIN, 880, 60);
            cameras.add(main);
            awaitMainOnAir(id);
            cameras.add(Cameras.rtmp(cam2, RED, 440, 60));
            Await.until("cam2 live", Duration.ofSeconds(20), () -> state(id).getBoolean("sources[1].live"));
            main.destroyForcibly();
            // The contract: disconnect -> failover now -> cam2's next keyframe (every second here).
            Await.until("cam2 on air", Duration.ofSeconds(2), () -> "cam2".equals(state(id).getString("program")),
                    () -> state(id).prettify());
            Await.until("program.switched (failover) on Kafka", Duration.ofSeconds(20),
                    () -> switched(events, id, "cam2", "failover"));
        } finally {
            cameras.forEach(Cameras::kill);
        }
    }

    @Test
    @Timeout(90)
    void withNothingLiveTheSlateKeepsTheProgramGoing() throws Exception {
        assumeFfmpeg();
        JsonPath created = create();
        String id = created.getString("id");
        Process main = Cameras.rtmp(created.getString("ingest.rtmp"), MAIN, 880, 60);
        try {
            Await.until("two 360p segments of main", Duration.ofSeconds(50),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 2);
            main.destroyForcibly();
            Await.until("the slate plays", Duration.ofSeconds(5),
                    () -> broadcasts.registry().get(id).orElseThrow().inputs().state().slate());
            long last = lastSegmentNumber(id);
            Await.until("HLS grows by three segments with no camera", Duration.ofSeconds(20),
                    () -> lastSegmentNumber(id) >= last + 3, () -> BroadcastHls.mediaPlaylist(id, "360p"));
            assertThat(broadcasts.registry().get(id).orElseThrow().inputs().state().slate()).isTrue();
        } finally {
            Cameras.kill(main);
        }
    }

    @Test
    @Timeout(90)
    void anSrtCameraIsASourceBesideAnRtmpOne() throws Exception {
        assumeFfmpeg();
        JsonPath created = create();
        String id = created.getString("id");
        String srt = created.getString("ingest.srt");
        assertThat(srt).endsWith("?streamid=publish:" + created.getString("streamKey"));
        String cam2 = addSource(id, "cam2");
        List<Process> cameras = new ArrayList<>();
        try {
            Process wrong = Cameras.start(List.of("-f", "mpegts", srt.replace(created.getString("streamKey"), "not-a-key")),
                    MAIN, 880, 3);
            cameras.add(wrong);
            assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong.exitValue()).as("a wrong SRT key is closed").isNotZero();
            cameras.add(Cameras.start(List.of("-f", "mpegts", srt), MAIN, 880, 60));
            Await.until("the SRT camera on air", Duration.ofSeconds(20), () -> "main".equals(state(id).getString("program")));
            cameras.add(Cameras.rtmp(cam2, RED, 440, 60));
            Await.until("cam2 live", Duration.ofSeconds(20), () -> state(id).getBoolean("sources[1].live"));
            Await.until("360p segments from the SRT camera", Duration.ofSeconds(40),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 1);
            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            Await.until("the RTMP camera on air", Duration.ofSeconds(5), () -> "cam2".equals(state(id).getString("program")));
            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"main\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            Await.until("the SRT camera on air again", Duration.ofSeconds(5),
                    () -> "main".equals(state(id).getString("program")));
        } finally {
            cameras.forEach(Cameras::kill);
        }
    }

    @Test
    @Timeout(90)
    void twoSrtCamerasAtOnceOnOnePortAndOneEndingLeavesTheOther() throws Exception {
        assumeFfmpeg();
        JsonPath created = create();
        String id = created.getString("id");
        String cam2 = given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"cam2\"}")
                .post("/api/v1/broadcasts/" + id + "/sources").then().statusCode(201).extract().jsonPath()
                .getString("ingest.srt");
        List<Process> cameras = new ArrayList<>();
        try {
            Process main = Cameras.start(List.of("-f", "mpegts", created.getString("ingest.srt")), MAIN, 880, 60);
            cameras.add(main);
            cameras.add(Cameras.start(List.of("-f", "mpegts", cam2), RED, 440, 60));
            Await.until("both SRT cameras live", Duration.ofSeconds(30),
                    () -> state(id).getBoolean("sources[0].live") && state(id).getBoolean("sources[1].live"));
            // both connect at once, so either may have gone on air first: put main there
            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"main\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            awaitMainOnAir(id);
            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            Await.until("cam2 on air", Duration.ofSeconds(5), () -> "cam2".equals(state(id).getString("program")));
            Cameras.kill(main);
            Await.until("main no longer live", Duration.ofSeconds(15), () -> !state(id).getBoolean("sources[0].live"));
            Thread.sleep(1000); // cam2 must stay live past main's end, not just until it
            assertThat(state(id).getBoolean("sources[1].live")).as("cam2 goes on").isTrue();
            assertThat(state(id).getString("program")).isEqualTo("cam2");
        } finally {
            cameras.forEach(Cameras::kill);
        }
    }

    @Test
    void badRequestsAreRefusedWithAClearStatus() {
        String id = create().getString("id");
        addSource(id, "cam2");
        given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam9\"}")
                .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(400)
                .body("error", containsString("cam2"));
        given().header("Authorization", AUTH).contentType("application/json").body("{}")
                .post("/api/v1/broadcasts/" + id + "/backup").then().statusCode(400);
        given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                .post("/api/v1/broadcasts/no-such-broadcast/program").then().statusCode(404);
        given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"cam2\"}")
                .post("/api/v1/broadcasts/no-such-broadcast/backup").then().statusCode(404);
        given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"cam3\"}")
                .post("/api/v1/broadcasts/no-such-broadcast/sources").then().statusCode(404);
        given().header("Authorization", AUTH).get("/api/v1/broadcasts/no-such-broadcast").then().statusCode(404);
        given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"cam2\"}")
                .post("/api/v1/broadcasts/" + id + "/sources").then().statusCode(400);
        assertThat(state(id).getString("program")).isNull();
    }

    // ---- helpers

    private static void assumeFfmpeg() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")) && Files.isExecutable(Path.of("/usr/bin/ffprobe")),
                "needs ffmpeg and ffprobe (apt-get install ffmpeg)");
    }

    private static void awaitMainOnAir(String id) {
        Await.until("main on air", Duration.ofSeconds(20), () -> "main".equals(state(id).getString("program")));
    }

    private static JsonPath create() {
        return given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"switching\"}")
                .post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
    }

    /** Adds a source; returns its RTMP URL. */
    private static String addSource(String id, String name) {
        return given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/broadcasts/" + id + "/sources").then().statusCode(201).extract().jsonPath()
                .getString("ingest.rtmp");
    }

    private static JsonPath state(String id) {
        return given().header("Authorization", AUTH).get("/api/v1/broadcasts/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static boolean switched(List<Event> events, String id, String to, String reason) {
        return events.stream().anyMatch(e -> e.type().equals("program.switched") && id.equals(e.subject())
                && to.equals(e.payload().path("to").asText()) && reason.equals(e.payload().path("reason").asText()));
    }

    /** The number in the last whole segment's name ({@code s{msn}.m4s}), or -1. */
    private static long lastSegmentNumber(String id) {
        List<String> s = BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p"));
        return s.isEmpty() ? -1 : Long.parseLong(s.get(s.size() - 1).replaceAll("\\D", ""));
    }

    /** Whether the rendition's whole segments already hold a second of cam2 (red) after main. */
    private boolean redFramesOut(String id) {
        try {
            Path file = BroadcastHls.download(id, "360p", Files.createTempFile(dir, "probe", ".mp4"));
            List<BroadcastHls.Frame> frames = BroadcastHls.frames(file);
            int first = indexOfFirstRed(frames);
            return first > 0 && frames.size() - first >= 30;
        } catch (Exception e) {
            return false;
        }
    }

    private static int indexOfFirstRed(List<BroadcastHls.Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).vAvg() > 200) {
                return i;
            }
        }
        return -1;
    }

    /** ffmpeg cameras: a lavfi picture and a sine tone, x264 with a keyframe every second, AAC. */
    static final class Cameras {
        private Cameras() {
        }

        static Process rtmp(String url, String picture, int toneHz, int seconds) throws Exception {
            return start(List.of("-f", "flv", url), picture, toneHz, seconds);
        }

        static Process start(List<String> output, String picture, int toneHz, int seconds) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                    "-f", "lavfi", "-i", picture, "-f", "lavfi", "-i", "sine=frequency=" + toneHz + ":sample_rate=48000",
                    "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                    "-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k"));
            cmd.addAll(output);
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }

        static void kill(Process p) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
