// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.relay.RelayCounters;
import io.cascade.local.junit.Await;
import io.cascade.distribution.sdp.ExtMap;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WHIP/WHEP resource model over real HTTP (RFC 9725 §4): status codes, headers, CORS, the
 * session resource's PATCH and DELETE; and garbage on the media port. No browser needed: the
 * offers are Chromium-shaped samples.
 */
class WhipWhepHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static WebRtcFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new WebRtcFixture("127.0.0.1", "127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void aValidOfferGets201WithAnswerLocationETagAndCors() throws Exception {
        HttpResponse<String> r = post("/whip/valid1", "application/sdp", "Bearer dev", chromeOffer());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/sdp");
        assertThat(r.headers().firstValue("Location")).get().asString().startsWith("/whip/session/");
        assertThat(r.headers().firstValue("ETag")).get().asString().matches("\"[A-Za-z0-9+/]{8}\"");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).get().asString().contains("Location", "ETag", "Link");
        assertThat(r.body()).startsWith("v=0").contains("a=ice-lite", "a=setup:passive", "a=recvonly", "H264/90000", "opus/48000/2");
        assertThat(r.body()).doesNotContain("VP8", "VP9", "AV1");
    }

    @Test
    void theSessionResourceTakesTrickleAndDelete() throws Exception {
        HttpResponse<String> r = post("/whip/valid2", "application/sdp", "Bearer dev", chromeOffer());
        String location = r.headers().firstValue("Location").orElseThrow();
        String etag = r.headers().firstValue("ETag").orElseThrow();
        String frag = "a=ice-ufrag:Zq3f\r\na=ice-pwd:Hq8s5ZcWm2K9rD1xPvT0bN3y\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:0\r\n"
                + "a=candidate:1 1 udp 2122260223 192.0.2.7 50634 typ host\r\n";
        assertThat(patch(location, etag, frag).statusCode()).isEqualTo(204);
        assertThat(patch(location, "\"stale\"", frag).statusCode()).isEqualTo(412);
        String restart = "a=ice-ufrag:NEWU\r\na=ice-pwd:aNewPasswordThatIsLongEnough\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:0\r\n";
        assertThat(patch(location, etag, restart).statusCode()).isEqualTo(501);
        assertThat(send(HttpRequest.newBuilder(uri(location)).DELETE().header("Authorization", "Bearer dev")).statusCode()).isEqualTo(200);
        Await.until("the session ends", Duration.ofSeconds(5), () -> fx.gateway.session(location.substring(location.lastIndexOf('/') + 1)).isEmpty());
        assertThat(send(HttpRequest.newBuilder(uri(location)).DELETE().header("Authorization", "Bearer dev")).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetClearClientErrors() throws Exception {
        assertThat(post("/whip/k3", "application/sdp", null, chromeOffer()).statusCode()).isEqualTo(401);
        assertThat(post("/whip/k3", "application/sdp", "Bearer wrong", chromeOffer()).statusCode()).isEqualTo(401);
        assertThat(post("/whip/k3", "application/json", "Bearer dev", "{}").statusCode()).isEqualTo(415);
        HttpResponse<String> garbage = post("/whip/k3", "application/sdp", "Bearer dev", "this is not SDP\r\n");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("SDP");
        assertThat(post("/whip/k3", "application/sdp", "Bearer dev", "").statusCode()).isEqualTo(400);
        assertThat(post("/whip/NOT-A-KEY!", "application/sdp", "Bearer dev", chromeOffer()).statusCode()).isEqualTo(404);
        String vp9Only = chromeOffer().replaceAll("(?m)^a=rtpmap:(\\d+) (H264|opus)/", "a=rtpmap:$1 X$2/");
        assertThat(post("/whip/k3", "application/sdp", "Bearer dev", vp9Only).statusCode()).isEqualTo(406);
        assertThat(post("/whep/nobody", "application/sdp", null, chromeOffer()).statusCode()).isEqualTo(404);
        HttpResponse<String> options = send(HttpRequest.newBuilder(uri("/whip/k3")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Access-Control-Allow-Methods")).get().asString().contains("POST", "PATCH", "DELETE");
        assertThat(options.headers().firstValue("Accept-Post")).hasValue("application/sdp");
    }

    @Test
    void aSecondPublisherOnALiveKeyGets409() throws Exception {
        assertThat(post("/whip/twice", "application/sdp", "Bearer dev", chromeOffer()).statusCode()).isEqualTo(201);
        HttpResponse<String> second = post("/whip/twice", "application/sdp", "Bearer dev", chromeOffer());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("already has a publisher");
    }

    @Test
    void thePublishedFormatsAreTheNegotiatedCodecsAndTheResolverMayStillRefuse() throws Exception {
        assertThat(post("/whip/formats", "application/sdp", "Bearer dev", chromeOffer()).statusCode()).isEqualTo(201);
        var formats = fx.gateway.publishedFormats(io.cascade.distribution.relay.StreamName.of("live/formats")).orElseThrow();
        assertThat(formats).extracting(f -> f.encoding().toLowerCase() + "/" + f.clockRate())
                .containsExactlyInAnyOrder("opus/48000", "h264/90000");
        assertThat(formats).extracting(io.cascade.distribution.tap.TrackFormat::index).containsExactly(0, 1);
        assertThat(fx.gateway.publishedFormats(io.cascade.distribution.relay.StreamName.of("live/nobody"))).isEmpty();

        HttpResponse<String> refused = post("/whip/refuse1", "application/sdp", "Bearer dev", chromeOffer());
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.body()).contains("refused by the resolver");
        Await.until("the refused session is closed", Duration.ofSeconds(5), () -> fx.gateway.publishedFormats(
                io.cascade.distribution.relay.StreamName.of("live/refuse1")).isEmpty());
    }

    @Test
    void garbageOnTheMediaPortIsCountedAndDropped() throws Exception {
        InetSocketAddress media = fx.relay.mediaAddress(io.cascade.distribution.relay.StreamName.of("live/x"));
        RelayCounters before = fx.relay.counters().get();
        SplittableRandom random = new SplittableRandom(7);
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 2000; i++) {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                b[0] = (byte) new int[] {0, 1, 3, 20, 22, 63, 64, 128, 150, 200, 255}[i % 11]; // every RFC 7983 range
                socket.send(new DatagramPacket(b, b.length, media));
            }
        }
        Await.until("the garbage is seen", Duration.ofSeconds(10), () -> {
            RelayCounters c = fx.relay.counters().join();
            return c.notRtp() + c.malformedRtp() + c.malformedRtcp() + c.unknownSsrc() - before.notRtp() - before.malformedRtp()
                    - before.malformedRtcp() - before.unknownSsrc() >= 1500;
        });
        assertThat(fx.relay.counters().get().errors()).isZero();
        assertThat(post("/whip/after", "application/sdp", "Bearer dev", chromeOffer()).statusCode()).isEqualTo(201);
    }

    private static String chromeOffer() throws Exception {
        try (InputStream in = WhipWhepHttpTest.class.getResourceAsStream("/io/cascade/distribution/sdp/chrome-whip-sendonly.sdp")) {
            // the sample publishes simulcast by rid; make it one stream with SSRCs, as Chromium does by default
            String sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sample.replaceAll("(?m)^a=(rid|simulcast):.*\r?\n", "")
                    + "a=ssrc-group:FID 1111 2222\r\na=ssrc:1111 cname:x\r\na=ssrc:2222 cname:x\r\n";
        }
    }

    @Test
    void aSimulcastOfferByRidIsAcceptedWithItsLayers() throws Exception {
        // rid-only simulcast (RFC 8853) used to be refused with 406; layers now become relay tracks
        // whose SSRCs are learned from the RtpStreamId extension of their first packets (RFC 8852)
        try (InputStream in = WhipWhepHttpTest.class.getResourceAsStream("/io/cascade/distribution/sdp/chrome-whip-sendonly.sdp")) {
            HttpResponse<String> r = post("/whip/simul", "application/sdp", "Bearer dev", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).contains("a=simulcast:recv").contains("a=rid:").contains(ExtMap.SDES_RTP_STREAM_ID);
        }
    }

    private static URI uri(String path) {
        return URI.create(fx.url(path));
    }

    private static HttpResponse<String> post(String path, String type, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return send(b);
    }

    private static HttpResponse<String> patch(String path, String ifMatch, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/trickle-ice-sdpfrag").header("If-Match", ifMatch)
                .header("Authorization", "Bearer dev"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
