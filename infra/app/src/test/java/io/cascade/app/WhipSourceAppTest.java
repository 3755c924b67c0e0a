// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.distribution.payload.H264Depacketizer;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Sps;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.tap.RtpTapSubscriber;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventConsumer;
import io.cascade.transcode.relay.TranscodeJob;
import io.cascade.transcode.whip.WhipSource;
import io.netty.buffer.Unpooled;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A browser as a broadcast camera: Chromium (fake camera and microphone) publishes over WHIP with
 * the key of a broadcast's second source while an ffmpeg RTMP camera is on air as {@code main};
 * the operator cuts to the browser, whose H.264 then is the program stream's (told apart by its
 * SPS) and, with its Opus as AAC, runs on through the ladder into LL-HLS; a wrong key and a second publisher are refused without disturbing it;
 * ending the WHIP session fails the program over to {@code main}.
 */
@QuarkusTest
class WhipSourceAppTest {
    @org.junit.jupiter.api.AfterEach
    void deleteBroadcasts() {
        TestBroadcasts.deleteAll();
    }

    private static final String AUTH = "Bearer dev";
    private static final Duration STEP = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    PlatformServices platform;

    @Inject
    WebRtcService webrtc;

    @Inject
    RelayService relay;

    @Test
    @Timeout(300)
    void aBrowserPublishingWithASourceKeyIsACameraTheOperatorCanCutTo() throws Exception {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg");
        List<Event> events = new CopyOnWriteArrayList<>();
        JsonPath created = given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"name\":\"whip-source\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        JsonPath cam2 = given().header("Authorization", AUTH).contentType("application/json").body("{\"name\":\"Cam2\"}")
                .post("/api/v1/broadcasts/" + id + "/sources").then().statusCode(201).extract().jsonPath();
        String key = cam2.getString("streamKey");
        assertThat(cam2.getString("ingest.whip")).endsWith("/whip/" + key);
        RtpTapSubscriber programTap = null;
        Process main = BroadcastSwitchingTest.Cameras.rtmp(created.getString("ingest.rtmp"),
                "testsrc2=size=640x360:rate=30", 880, 240);
        try (var consumer = EventConsumer.start(platform.kafkaClientConfig(), "cascade.events", "whip-" + id, events::add);
             Chromium chromium = Chromium.start()) {
            Await.until("main on air", Duration.ofSeconds(60), () -> "main".equals(state(id).getString("program")));

            String pub = load(chromium, "webrtc/publish.html?key=" + key + "&token=dev");
            JsonNode published = chromium.evaluate(pub, "window.cascade.ready", STEP);
            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(201);
            Await.until("the browser camera is live", Duration.ofSeconds(60), () -> state(id).getBoolean("sources[1].live"),
                    () -> state(id).prettify() + " " + bridges());
            Await.until("main's 360p segments", Duration.ofSeconds(90),
                    () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p")).size() >= 2);

            // Nothing disturbs a live source: a wrong key and a second publisher are refused.
            String offer = chromium.evaluate(pub, "window.cascade.session.pc.localDescription.sdp", STEP).asText();
            given().header("Authorization", AUTH).contentType("application/sdp").body(offer.getBytes())
                    .post("/whip/" + "A".repeat(32)).then().statusCode(404);
            given().header("Authorization", AUTH).contentType("application/sdp").body(offer.getBytes())
                    .post("/whip/" + key).then().statusCode(409);
            assertThat(state(id).getString("program")).isEqualTo("main");
            assertThat(state(id).getBoolean("sources[1].live")).isTrue();

            // Watch the program stream: the browser's H.264 (Constrained Baseline or Main from Chromium) is
            // told from main's x264 High (profile_idc 100) by the SPS the origin repeats with every IDR.
            AtomicLong browserFrames = new AtomicLong();
            AtomicBoolean browserOnProgram = new AtomicBoolean();
            H264Depacketizer programVideo = new H264Depacketizer(au -> {
                au.nals().stream().filter(n -> H264Nal.type(n) == H264Nal.SPS).findFirst()
                        .ifPresent(sps -> browserOnProgram.set(H264Sps.parse(sps).profileIdc() != 100));
                if (browserOnProgram.get()) {
                    browserFrames.incrementAndGet();
                }
            });
            RtpPacket view = new RtpPacket();
            programTap = RtpTapSubscriber.open(relay.node().relay(), TranscodeJob.programOf(id), "127.0.0.1", (track, b) -> {
                if (track == 0 && view.wrap(Unpooled.wrappedBuffer(b)).validate() == RtpValidity.VALID) {
                    programVideo.receive(view);
                }
            });
            given().header("Authorization", AUTH).contentType("application/json").body("{\"source\":\"Cam2\"}")
                    .post("/api/v1/broadcasts/" + id + "/program").then().statusCode(202);
            Await.until("the browser on air (its IDR asked for)", Duration.ofSeconds(20),
                    () -> "Cam2".equals(state(id).getString("program")), () -> state(id).prettify() + " " + bridges());
            Await.until("program.switched (operator) on Kafka", Duration.ofSeconds(30), () -> events.stream().anyMatch(e ->
                    e.type().equals("program.switched") && id.equals(e.subject())
                            && "Cam2".equals(e.payload().path("to").asText())
                            && "operator".equals(e.payload().path("reason").asText())));
            Await.until("90 frames of the browser on the program stream", Duration.ofSeconds(30),
                    () -> browserFrames.get() >= 90, () -> browserFrames + " " + bridges());
            long atSwitch = lastSegment(id);
            Await.until("three more 360p segments from the browser", Duration.ofSeconds(90),
                    () -> lastSegment(id) >= atSwitch + 3, () -> BroadcastHls.mediaPlaylist(id, "360p") + " " + bridges());
            assertThat(state(id).getString("program")).as("no failover: the browser kept feeding").isEqualTo("Cam2");
            WhipSource source = webrtc.whipSources().running().get(id + "/Cam2");
            assertThat(source.stats().frames().frames()).as(bridges()).isGreaterThan(90);
            assertThat(source.stats().aacFrames()).as(bridges()).isGreaterThan(100);
            assertThat(source.stats().audioErrors()).isZero();

            // The WHIP session ends: the source disconnects and the program fails over to main.
            String location = published.path("location").asText();
            given().header("Authorization", AUTH).delete(location).then().statusCode(200);
            Await.until("main on air again", Duration.ofSeconds(20), () -> "main".equals(state(id).getString("program")),
                    () -> state(id).prettify());
            Await.until("the bridge is gone", Duration.ofSeconds(10), () -> !webrtc.whipSources().running().containsKey(id + "/Cam2"));
        } finally {
            if (programTap != null) {
                programTap.close();
            }
            BroadcastSwitchingTest.Cameras.kill(main);
        }
    }

    private String bridges() {
        StringBuilder s = new StringBuilder();
        webrtc.whipSources().running().forEach((k, v) -> s.append(k).append(": ").append(v.stats()).append('\n'));
        return s.toString();
    }

    private static JsonPath state(String id) {
        return given().header("Authorization", AUTH).get("/api/v1/broadcasts/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The number in the last whole segment's name, or -1. */
    private static long lastSegment(String id) {
        List<String> s = BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "360p"));
        return s.isEmpty() ? -1 : Long.parseLong(s.getLast().replaceAll("\\D", ""));
    }

    private String load(Chromium chromium, String path) {
        String session = chromium.open(base + path);
        Await.until("page loaded", Duration.ofSeconds(30), () -> chromium.evaluate(session,
                "document.readyState === 'complete' && !!window.cascade", Duration.ofSeconds(10)).asBoolean());
        return session;
    }
}
