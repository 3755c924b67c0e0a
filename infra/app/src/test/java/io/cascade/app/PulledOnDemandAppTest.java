// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tier.DirectoryCatalog;
import io.cascade.distribution.tier.RelayTierNode;
import io.cascade.distribution.tier.TierRole;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.event.EventPublisher;
import io.cascade.transcode.ladder.H264Profile;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.Rendition;
import io.cascade.transcode.media.Bitrate;
import io.cascade.transcode.relay.LadderJobs;
import io.cascade.transcode.worker.AssignmentKey;
import io.cascade.transcode.worker.TranscodeWorker;
import io.cascade.transcode.worker.WorkerAgent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An edge pulls renditions produced on another node only while viewers ask (docs/playback.md,
 * "Pulled on demand"). This app node is no transcode worker; a second node in this JVM (its own
 * relay with its own UDP socket and control API, a real worker agent and x264 ladder, on the
 * app's directory) gets the ladder, pulls the program from the app, and publishes the rendition.
 * The app does not pull it until an HLS request comes; the first request is answered once media
 * is there; with no requests for the idle time the packaging stops and the relay releases the
 * pull; a WHEP viewer (Chromium) then pulls its stream before its answer; and the next HLS
 * request packages it again.
 */
@QuarkusTest
@TestProfile(PulledOnDemandAppTest.NoWorkerHere.class)
class PulledOnDemandAppTest {
    private static final Logger LOG = Logger.getLogger(PulledOnDemandAppTest.class);

    /**
     * No transcode role here, short idle times, and one fixed free HTTP port (the relay control
     * API's address in the directory is built from {@code quarkus.http.port}, which tests
     * otherwise leave at 8080 while listening on a random port).
     */
    public static final class NoWorkerHere implements QuarkusTestProfile {
        private static final String PORT = Integer.toString(freePort());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cascade.node.roles", "ingest,origin,edge,sfu,signaling,turn",
                    "cascade.playback.pulled-idle", "3s",
                    "cascade.relay.idle-grace", "2s",
                    "quarkus.http.port", PORT,
                    "quarkus.http.test-port", PORT);
        }

        private static int freePort() {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    PlatformServices platform;

    @Inject
    RelayService relay;

    @Inject
    BroadcastPipeline pipeline;

    @Inject
    CascadeConfig config;

    private static final Duration STEP = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    private final Vertx vertx = Vertx.vertx();
    private RelayTierNode node2;
    private WorkerAgent agent;
    private HttpServer server;
    private DirectoryCatalog shared2;
    private Process publisher;

    @AfterEach
    void tearDown() throws Exception {
        if (publisher != null) {
            publisher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TestBroadcasts.deleteAll();
        if (agent != null) {
            agent.close();
        }
        if (shared2 != null) {
            shared2.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(180)
    void aRenditionFromAnotherNodeIsPulledOnTheFirstRequestAndReleasedWhenIdle() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg (apt-get install ffmpeg)");
        startSecondNode();
        JsonPath created = given().header("Authorization", "Bearer dev").contentType("application/json")
                .body("{\"name\":\"pulled\"}").post("/api/v1/broadcasts").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        StreamName rendition = StreamName.of("bcast/" + id + "/180p");
        publisher = TestBroadcasts.rtmpTestSource(created.getString("ingest.rtmp"), 120);

        Await.until("node-2 holds the ladder and its rendition is in the app's catalog", Duration.ofSeconds(60),
                () -> pipeline.catalog().get(rendition).isPresent());
        assertThat(platform.assignments().get(AssignmentKey.ladder(id).toString()).orElseThrow().holder()).isEqualTo("node-2");
        assertThat(pipeline.catalog().isLocal(rendition)).isFalse();
        Thread.sleep(3000); // several directory watches later, still nobody asked
        assertThat(relay.node().puller().pulled()).as("not pulled before a viewer asks").doesNotContainKey(rendition.value());
        assertThat(pipeline.pulled().packaging(rendition)).isFalse();

        long t0 = System.nanoTime();
        int first = given().get("/hls/" + id + "/master.m3u8").statusCode();
        LOG.infof("first HLS request of a pulled broadcast: %d after %d ms", first, (System.nanoTime() - t0) / 1_000_000);
        Await.until("the multivariant playlist lists the pulled rendition", Duration.ofSeconds(20), () -> {
            var r = given().get("/hls/" + id + "/master.m3u8");
            return r.statusCode() == 200 && r.asString().contains("180p/");
        });
        assertThat(relay.node().puller().pulled()).containsEntry(rendition.value(), "node-2");
        Await.until("the pulled rendition's playlist has segments", Duration.ofSeconds(30),
                () -> BroadcastHls.segments(BroadcastHls.mediaPlaylist(id, "180p")).size() >= 2);

        long idleFrom = System.nanoTime();
        Await.until("no requests: packaging stops and the pull is released", Duration.ofSeconds(30),
                () -> !pipeline.pulled().packaging(rendition) && !relay.node().puller().pulled().containsKey(rendition.value()));
        LOG.infof("pull released %d ms after the last request", (System.nanoTime() - idleFrom) / 1_000_000);
        assertThat(pipeline.hls().get(id)).as("nothing of it packaged here any more").isEmpty();

        if (Chromium.available()) { // a WHEP viewer pulls its stream before the answer
            try (Chromium chromium = Chromium.start()) {
                String page = chromium.open(base + "watch/" + id + "?mode=whep&rendition=180p");
                Await.until("watch page loaded", Duration.ofSeconds(15), () -> chromium.evaluate(page,
                        "document.readyState === 'complete' && !!window.cascade", STEP).asBoolean());
                JsonNode answered = chromium.evaluate(page, "window.cascade.ready", STEP);
                assertThat(answered.path("status").asInt()).as(answered.toString()).isEqualTo(201);
                assertThat(relay.node().puller().pulled()).containsEntry(rendition.value(), "node-2");
                Await.until("the WHEP viewer decodes the pulled rendition", Duration.ofSeconds(30),
                        () -> chromium.evaluate(page, "window.cascade.stats()", STEP).path("framesDecoded").asLong() > 30,
                        () -> chromium.evaluate(page, "window.cascade.stats()", STEP).toString());
                assertThat(chromium.evaluate(page, "window.cascade.stats()", STEP).path("frameWidth").asInt()).isEqualTo(320);
            }
        }

        Await.until("asked again: pulled again", Duration.ofSeconds(30), () -> {
            var r = given().get("/hls/" + id + "/master.m3u8");
            return r.statusCode() == 200 && r.asString().contains("180p/");
        });
        assertThat(relay.node().puller().pulled()).containsKey(rendition.value());
        assertThat(pipeline.pulled().packaging(rendition)).isTrue();
    }

    /** node-2: relay, control API, catalog on the app's directory, and a transcode worker. */
    private void startSecondNode() throws Exception {
        node2 = RelayTierNode.start(new RelayTierNode.Settings("node-2", TierRole.ORIGIN, "local",
                UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1),
                RelayConfig.defaults().withSubscriberTimeout(Duration.ofSeconds(5)), config.relay().token(),
                Duration.ofSeconds(2), Duration.ofMillis(500)), platform.directory(), InstantSource.system(),
                RelayListener.NONE, h -> h);
        Router root = Router.router(vertx);
        root.route("/relay/v1/*").subRouter(node2.router(vertx));
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        node2.register(platform.directory(), "http://127.0.0.1:" + server.actualPort() + "/relay/v1");
        shared2 = new DirectoryCatalog(platform.directory(), "node-2", node2.puller());
        StreamCatalog catalog = new StreamCatalog(shared2);
        LadderConfig ladder = LadderConfig.defaults()
                .withRenditions(List.of(Rendition.of("180p", 180, Bitrate.kbps(300), H264Profile.MAIN)))
                .withKeyframeInterval(Duration.ofSeconds(1));
        LadderJobs jobs = new LadderJobs(node2.relay(), node2.puller(), catalog, ladder, "127.0.0.1", Duration.ofMillis(200));
        agent = new WorkerAgent(new TranscodeWorker("node-2", 1, System::nanoTime), platform.assignments(), jobs,
                EventPublisher.discarding(), Duration.ofSeconds(10)).start(Duration.ofMillis(250));
    }
}
