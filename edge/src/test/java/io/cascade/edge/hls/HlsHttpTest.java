// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static io.cascade.edge.hls.HttpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.platform.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP front on loopback: resources, headers, held requests and refusals. */
class HlsHttpTest {
    private final ManualClock clock = Synthetic.clock();
    private HlsBroadcasts broadcasts;
    private HlsRendition high;
    private Synthetic feed;
    private HttpFixture server;

    @BeforeEach
    void start() throws Exception {
        broadcasts = new HlsBroadcasts(HlsSettings.DEFAULTS, clock);
        HlsBroadcast b = broadcasts.open("b1");
        high = b.rendition("720p", Synthetic.VIDEO, Synthetic.AAC, 2_000_000);
        b.rendition("audio", null, Synthetic.AAC);
        feed = new Synthetic(high, 3000, 30, 0);
        server = new HttpFixture(broadcasts);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String path(String file) {
        return "/hls/b1/720p/" + file;
    }

    @Test
    void servesEveryResourceWithItsTypeCachePolicyAndCors() throws Exception {
        feed.seconds(4.5);
        HttpResponse<byte[]> master = server.get("/hls/b1/master.m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(master.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(text(master)).contains("#EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=",
                "CODECS=\"avc1.4d401e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=30.000\n720p/index.m3u8\n",
                "CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n");

        HttpResponse<byte[]> playlist = server.get(path("index.m3u8"));
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.headers().firstValue("Cache-Control")).hasValue("public, max-age=1");
        assertThat(text(playlist)).isEqualTo(high.body(high.timeline().snapshot(), false));

        HttpResponse<byte[]> init = server.get(path("init.mp4"));
        assertThat(init.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(init.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400, immutable");
        assertThat(init.body()).isEqualTo(high.init());

        Part part = high.timeline().snapshot().openParts().get(0);
        HttpResponse<byte[]> p = server.get(path(part.uri()));
        assertThat(p.headers().firstValue("Content-Type")).hasValue("video/iso.segment");
        assertThat(p.body()).isEqualTo(part.bytes());

        Segment seg = high.timeline().snapshot().retained().get(1);
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        seg.parts().forEach(x -> concatenated.writeBytes(x.bytes()));
        HttpResponse<byte[]> s = server.get(path(seg.uri()));
        assertThat(s.body()).isEqualTo(concatenated.toByteArray());
        assertThat(s.headers().firstValue("Content-Length")).hasValue(Integer.toString(concatenated.size()));

        HttpResponse<byte[]> head = server.send("HEAD", path(seg.uri()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(concatenated.size()));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aBlockingReloadIsAnsweredWhenThePartIsPublished() throws Exception {
        feed.seconds(4.5);
        TimelineSnapshot s = high.timeline().snapshot();
        long msn = s.openMsn();
        int next = s.openParts().size();
        CompletableFuture<HttpResponse<byte[]>> held = server.getAsync(path("index.m3u8?_HLS_msn=" + msn
                + "&_HLS_part=" + next + "&_HLS_skip=YES"));
        awaitWaiters(1);
        assertThat(held).isNotDone();
        feed.frames(6);
        HttpResponse<byte[]> r = held.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=12");
        Part published = high.timeline().snapshot().openParts().get(next);
        assertThat(text(r)).contains("URI=\"" + published.uri() + "\"");
    }

    @Test
    void aHeldRequestThatWaitsTooLongGets503() throws Exception {
        feed.seconds(4.5);
        long msn = high.timeline().snapshot().openMsn();
        CompletableFuture<HttpResponse<byte[]>> held = server.getAsync(path("index.m3u8?_HLS_msn=" + (msn + 1)));
        awaitWaiters(1);
        clock.advance(Duration.ofSeconds(6));      // three target durations; the periodic sweep notices
        HttpResponse<byte[]> r = held.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theHintedPartIsHeldUntilCompleteAndAFarFuturePartIs404() throws Exception {
        feed.seconds(4.5);
        long next = high.timeline().snapshot().nextPartSequence();
        CompletableFuture<HttpResponse<byte[]>> held = server.getAsync(path("p" + next + ".m4s"));
        assertThat(server.get(path("p" + (next + 5) + ".m4s")).statusCode()).isEqualTo(404);
        awaitWaiters(1);
        feed.frames(6);
        HttpResponse<byte[]> r = held.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(high.timeline().snapshot().part(next).bytes());
    }

    @Test
    void theFirstPlaylistRequestWaitsForTheFirstSegment() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> held = server.getAsync(path("index.m3u8"));
        awaitWaiters(1);
        feed.seconds(2.1);
        HttpResponse<byte[]> r = held.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("#EXTINF:2.000,");
    }

    @Test
    void badRequestsAreRefusedAndOtherViewersAreUndisturbed() throws Exception {
        feed.seconds(4.5);
        long msn = high.timeline().snapshot().openMsn();
        CompletableFuture<HttpResponse<byte[]>> viewer = server.getAsync(path("index.m3u8?_HLS_msn=" + msn + "&_HLS_part="
                + high.timeline().snapshot().openParts().size()));
        awaitWaiters(1);
        assertThat(server.get(path("index.m3u8?_HLS_part=1")).statusCode()).isEqualTo(400);
        assertThat(server.get(path("index.m3u8?_HLS_msn=" + (msn + 2))).statusCode()).isEqualTo(400);
        assertThat(server.get(path("index.m3u8?_HLS_msn=" + msn + "&_HLS_part=40")).statusCode()).isEqualTo(400);
        assertThat(server.get(path("index.m3u8?_HLS_msn=99999999999999999999999999")).statusCode()).isEqualTo(400);
        assertThat(server.get(path("index.m3u8?_HLS_msn=-1")).statusCode()).isEqualTo(400);
        assertThat(server.get(path("index.m3u8?_HLS_skip=maybe")).statusCode()).isEqualTo(400);
        assertThat(text(server.get(path("index.m3u8?_HLS_part=1")))).startsWith("_HLS_part: requires _HLS_msn");
        assertThat(server.get("/hls/nope/master.m3u8").statusCode()).isEqualTo(404);
        assertThat(server.get("/hls/b1/1080p/index.m3u8").statusCode()).isEqualTo(404);
        assertThat(server.get(path("s1.m4s")).statusCode()).isEqualTo(404);
        assertThat(server.get(path("p99999999999999999.m4s")).statusCode()).isEqualTo(404);
        assertThat(server.raw("/hls/b1/../../etc/passwd")).startsWith("HTTP/1.1 404");
        assertThat(server.raw("/hls/b1/720p/../../../etc/passwd")).startsWith("HTTP/1.1 404");
        assertThat(server.raw("/hls/b1/%2e%2e/%2e%2e/etc/passwd")).startsWith("HTTP/1.1 404");
        assertThat(server.raw("/hls/b1/720p/%2e%2e%2finit.mp4")).startsWith("HTTP/1.1 404");
        assertThat(server.raw("/hls/b1/720p/..%5c..%5cinit.mp4")).startsWith("HTTP/1.1 404");
        assertThat(server.send("POST", path("index.m3u8")).statusCode()).isEqualTo(405);
        assertThat(viewer).isNotDone();
        feed.frames(6);
        assertThat(viewer.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(server.get(path("index.m3u8")).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        HttpResponse<byte[]> r = server.client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base() + path("index.m3u8"))).method("OPTIONS",
                java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", "https://player.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "range")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, OPTIONS");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("range");
    }

    @Test
    void removingABroadcastEndsItsHeldRequestsAndItsUrls() throws Exception {
        feed.seconds(4.5);
        long next = high.timeline().snapshot().nextPartSequence();
        CompletableFuture<HttpResponse<byte[]>> held = server.getAsync(path("p" + next + ".m4s"));
        awaitWaiters(1);
        broadcasts.remove("b1");
        assertThat(held.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isIn(200, 404);
        assertThat(server.get("/hls/b1/master.m3u8").statusCode()).isEqualTo(404);
    }

    /** Waits (bounded, on a condition, no sleep) until the server holds {@code n} requests. */
    private void awaitWaiters(int n) {
        long deadline = System.nanoTime() + HttpFixture.WAIT.toNanos();
        while (high.timeline().waiting() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the request was never held");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
