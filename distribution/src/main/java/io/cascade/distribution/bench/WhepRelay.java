// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.relay.PublishInfo;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayCounters;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpStats;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSettings;
import io.cascade.distribution.webrtc.WhipWhepRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The system under test of the WHEP and SFU benchmarks: a relay node on a loopback UDP engine, the
 * WebRTC gateway on its sockets and the WHIP and WHEP routes on a Vert.x HTTP server, as the
 * application wires them. The WHEP bench publishes a stream as plain RTP ({@link #publish}, {@link
 * RelayNode#publish}) registered for WHEP playback ({@link WebRtcGateway#registerStream}); the SFU
 * bench's participants publish over WHIP, as the rooms' SFU sessions do ({@code
 * WebRtcGateway#publish}). {@code POST /whip/{id}} publishes and {@code POST /whep/{id}} plays
 * stream {@code bench/{id}}; publishers may send H.264, VP8 and Opus. Runs in the bench's child
 * JVM ({@link WhepRelayMain}) or in a test's.
 */
public final class WhepRelay implements AutoCloseable {
    /** The production relay's socket buffers ({@code RelayService}): 1 MiB. */
    private static final int SOCKET_BUFFER = 1 << 20;
    /** Stream ids the routes take. */
    private static final String ID = "[a-z0-9]{1,24}";

    private final Vertx vertx;
    private final UdpEngine engine;
    private final RelayNode relay;
    private final WebRtcGateway gateway;
    private final HttpServer http;

    /** Starts everything on 127.0.0.1: {@code threads} relay media threads, an ephemeral HTTP port. */
    public WhepRelay(int threads) throws Exception {
        relay = new RelayNode(RelayConfig.defaults(), RelayListener.NONE, InstantSource.system());
        engine = UdpEngine.start(UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(threads, 1)
                .withSocketBuffers(SOCKET_BUFFER, SOCKET_BUFFER), relay.handler());
        relay.attach(engine.sockets());
        SecureRandom random = new SecureRandom();
        WebRtcSettings on = WebRtcSettings.on("127.0.0.1");
        WebRtcSettings settings = new WebRtcSettings(on.candidateHosts(), on.connectTimeout(), on.dtls(),
                List.of("H264", "VP8", "opus"));
        gateway = new WebRtcGateway(relay, settings, DtlsCertificate.generate(random),
                InstantSource.system(), random, new WebRtcGateway.Listener() { });
        gateway.attach();
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        WhipWhepRoutes routes = new WhipWhepRoutes(gateway, new WhipWhepRoutes.Resolver() {
            @Override
            public Optional<StreamName> publishStream(String key) {
                return key.matches(ID) ? Optional.of(StreamName.of("bench/" + key)) : Optional.empty();
            }

            @Override
            public Optional<StreamName> playStream(String id, String rendition) {
                return id.matches(ID) ? Optional.of(StreamName.of("bench/" + id)) : Optional.empty();
            }
        }, h -> true, h -> true, List::of);
        Router router = Router.router(vertx);
        router.route("/whep/*").subRouter(routes.whep(vertx));
        router.route("/whip/*").subRouter(routes.whip(vertx));
        http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Publishes stream {@code bench/{id}}: H.264 video and Opus audio with the SSRCs of {@link
     * RtpPublisher}, from any port of {@code sourceHost}, playable over WHEP.
     *
     * @return where to send the RTP
     */
    public InetSocketAddress publish(String id, String sourceHost) throws Exception {
        StreamName name = StreamName.of("bench/" + id);
        List<TrackSpec> tracks = List.of(
                TrackSpec.video(RtpPublisher.VIDEO_SSRC, RtpPublisher.VIDEO_PT).withNack(false),
                TrackSpec.audio(RtpPublisher.AUDIO_SSRC, RtpPublisher.AUDIO_PT).withNack(false));
        Map<String, String> h264 = new LinkedHashMap<>();
        h264.put("level-asymmetry-allowed", "1");
        h264.put("packetization-mode", "1");
        h264.put("profile-level-id", "42e01f");
        Map<String, String> opus = new LinkedHashMap<>();
        opus.put("minptime", "10");
        opus.put("useinbandfec", "1");
        List<Codec> codecs = List.of(new Codec(RtpPublisher.VIDEO_PT, "H264", 90_000, 0, h264, List.of()),
                new Codec(RtpPublisher.AUDIO_PT, "opus", 48_000, 2, opus, List.of()));
        PublishInfo info = relay.publish(name, new InetSocketAddress(sourceHost, 0), tracks).get(10, TimeUnit.SECONDS);
        gateway.registerStream(name, tracks, codecs);
        return info.mediaAddress();
    }

    /** The WHIP endpoint of stream {@code bench/{id}}. */
    public URI whip(String id) {
        return URI.create("http://127.0.0.1:" + http.actualPort() + "/whip/" + id);
    }

    /** The WHEP endpoint of stream {@code bench/{id}}. */
    public URI whep(String id) {
        return URI.create("http://127.0.0.1:" + http.actualPort() + "/whep/" + id);
    }

    /** Counters of the relay, the gateway and the UDP engine, for the report. */
    public Map<String, Object> counters() throws Exception {
        RelayCounters c = relay.counters().get(5, TimeUnit.SECONDS);
        UdpStats udp = engine.totals();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("forwarded", c.forwarded());
        out.put("rtp_in", c.rtpIn());
        out.put("rtcp_in", c.rtcpIn());
        out.put("secure_dropped", c.secureDropped());
        out.put("subscribers_timed_out", c.subscribersTimedOut());
        out.put("keyframe_requests_sent", c.keyframeRequestsSent());
        out.put("nacks_sent", c.nacksSent());
        out.put("unknown_ssrc", c.unknownSsrc());
        out.put("duplicates", c.duplicates());
        out.put("errors", c.errors());
        out.put("udp_sent", udp.sent());
        out.put("udp_send_dropped", udp.sendDropped());
        out.put("sessions_secured", gateway.counters().sessionsSecured());
        out.put("sessions_closed", gateway.counters().sessionsClosed());
        out.put("offers_refused", gateway.counters().offersRefused());
        out.put("dtls_failed", gateway.counters().dtlsFailed());
        out.put("epoll", engine.epoll());
        return out;
    }

    @Override
    public void close() throws Exception {
        gateway.close();
        http.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        relay.close();
        engine.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
