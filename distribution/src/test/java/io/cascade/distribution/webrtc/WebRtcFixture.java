// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A relay node with the WebRTC gateway on a loopback UDP socket, WHIP/WHEP routes and test pages
 * on a Vert.x HTTP server: what a browser test needs. Stream key {@code k} publishes stream
 * {@code live/k}; WHEP {@code /whep/k} plays it. Bearer {@code dev} on WHIP, WHEP open.
 */
final class WebRtcFixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final UdpEngine engine;
    final RelayNode relay;
    final WebRtcGateway gateway;
    final HttpServer http;
    /** Why each session ended, in order: a session that fails fast is gone from {@code gateway.sessions()}. */
    final java.util.concurrent.BlockingQueue<String> endings = new java.util.concurrent.LinkedBlockingQueue<>();

    WebRtcFixture(String candidateHost, String bindHost) throws Exception {
        relay = new RelayNode(RelayConfig.defaults(), new RelayListener() { }, InstantSource.system());
        engine = UdpEngine.start(UdpEngineConfig.defaults().withBind(bindHost, 0).withThreads(1, 1), relay.handler());
        relay.attach(engine.sockets());
        SecureRandom random = new SecureRandom();
        gateway = new WebRtcGateway(relay, WebRtcSettings.on(candidateHost),
                DtlsCertificate.generate(random), InstantSource.system(), random, new WebRtcGateway.Listener() {
                    @Override
                    public void sessionEnded(WebRtcSession session, String reason) {
                        endings.add(reason);
                    }
                });
        gateway.attach();
        WhipWhepRoutes routes = new WhipWhepRoutes(gateway, new WhipWhepRoutes.Resolver() {
            @Override
            public Optional<StreamName> publishStream(String key) {
                return key.matches("[a-z0-9]{1,16}") ? Optional.of(StreamName.of("live/" + key)) : Optional.empty();
            }

            @Override
            public Optional<StreamName> playStream(String id, String rendition) {
                return id.matches("[a-z0-9]{1,16}") ? Optional.of(StreamName.of("live/" + id)) : Optional.empty();
            }

            /** Keys starting with "refuse" are refused after the answer, as a resolver that checks the codecs would. */
            @Override
            public void published(String key, WebRtcGateway.Answer answer) throws WebRtcException {
                if (key.startsWith("refuse")) {
                    throw new WebRtcException(406, "refused by the resolver");
                }
            }
        }, "Bearer dev"::equals, h -> true, List::of);
        Router router = Router.router(vertx);
        router.route("/whip/*").subRouter(routes.whip(vertx));
        router.route("/whep/*").subRouter(routes.whep(vertx));
        router.get("/publish.html").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html").end(PUBLISH_PAGE));
        router.get("/play.html").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html").end(PLAY_PAGE));
        http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Opens a page and waits until its scripts ran. */
    String load(io.cascade.local.junit.Chromium chromium, String path) {
        String session = chromium.open(url(path));
        io.cascade.local.junit.Await.until("page " + path + " loaded", java.time.Duration.ofSeconds(15),
                () -> chromium.evaluate(session, "document.readyState === 'complete' && location.protocol === 'http:'",
                        java.time.Duration.ofSeconds(5)).asBoolean());
        return session;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.actualPort() + path;
    }

    @Override
    public void close() throws Exception {
        gateway.close();
        http.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        relay.close();
        engine.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** Publishes the fake camera and microphone over WHIP: {@code window.publish(key)}. */
    static final String PUBLISH_PAGE = """
            <!doctype html><html><body><script>
            // noise: a canvas of random pixels instead of the fake camera, so the encoder wants all the bitrate it gets
            function noise() {
              const c = document.createElement('canvas'); c.width = 640; c.height = 360;
              const g = c.getContext('2d'); const img = g.createImageData(640, 360);
              setInterval(() => { const d = new Uint32Array(img.data.buffer); for (let i = 0; i < d.length; i++) d[i] = (Math.random() * 0xFFFFFFFF) | 0xFF000000; g.putImageData(img, 0, 0); }, 33);
              return c.captureStream(30);
            }
            window.publish = async (key, token, wrongFingerprint, useNoise) => {
              const pc = new RTCPeerConnection();
              window.pc = pc;
              const media = useNoise ? noise() : await navigator.mediaDevices.getUserMedia({video: {width: 640, height: 360}, audio: true});
              for (const t of media.getTracks()) pc.addTransceiver(t, {direction: 'sendonly'});
              await pc.setLocalDescription(await pc.createOffer());
              let sdp = pc.localDescription.sdp;
              // a forged offer: the fingerprint of some other certificate (first octet changed)
              if (wrongFingerprint) sdp = sdp.replace(/a=fingerprint:sha-256 (..)/g, (m, b) => 'a=fingerprint:sha-256 ' + (b === '00' ? '01' : '00'));
              const res = await fetch('/whip/' + key, {method: 'POST', body: sdp,
                headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + (token || 'dev')}});
              const text = await res.text();
              if (res.status !== 201) return {status: res.status, error: text};
              window.location_ = res.headers.get('Location');
              await pc.setRemoteDescription({type: 'answer', sdp: text});
              return {status: res.status, location: window.location_, etag: res.headers.get('ETag')};
            };
            window.sent = async () => {
              let packets = 0, frames = 0;
              let pli = 0, keyframes = 0, nacks = 0, codec = '';
              const all = await window.pc.getStats();
              let bwe = 0;
              all.forEach(r => { if (r.type === 'candidate-pair' && r.nominated && r.availableOutgoingBitrate) bwe = r.availableOutgoingBitrate; });
              all.forEach(r => { if (r.type === 'outbound-rtp' && r.kind === 'video') { packets += r.packetsSent; frames += (r.framesEncoded || 0); pli += r.pliCount; nacks += r.nackCount; keyframes += (r.keyFramesEncoded || 0); codec = (all.get(r.codecId) || {}).mimeType + ' ' + (all.get(r.codecId) || {}).sdpFmtpLine; } });
              return {state: window.pc.connectionState, packets, frames, pli, nacks, keyframes, codec, bwe};
            };
            </script></body></html>
            """;

    /** Plays a stream over WHEP: {@code window.play(id)}, then {@code window.cascade.stats()}. */
    static final String PLAY_PAGE = """
            <!doctype html><html><body><script>
            window.play = async (id, offerMunge) => {
              const pc = new RTCPeerConnection();
              window.pc = pc;
              pc.addTransceiver('video', {direction: 'recvonly'});
              pc.addTransceiver('audio', {direction: 'recvonly'});
              await pc.setLocalDescription(await pc.createOffer());
              let sdp = pc.localDescription.sdp;
              if (offerMunge) sdp = offerMunge(sdp);
              const res = await fetch('/whep/' + id, {method: 'POST', body: sdp, headers: {'Content-Type': 'application/sdp'}});
              const text = await res.text();
              if (res.status !== 201) return {status: res.status, error: text};
              await pc.setRemoteDescription({type: 'answer', sdp: text});
              return {status: res.status, location: res.headers.get('Location'), answer: text};
            };
            window.cascade = {stats: async () => {
              const out = {peer: 'whep', mode: 'sfu', framesDecoded: 0, bytesReceived: 0, audioBytes: 0, state: window.pc ? window.pc.connectionState : 'none'};
              if (!window.pc) return out;
              const all = await window.pc.getStats();
              all.forEach(r => {
                if (r.type === 'inbound-rtp' && r.kind === 'video') { out.framesDecoded += (r.framesDecoded || 0); out.bytesReceived += r.bytesReceived; out.width = r.frameWidth;
                  out.framesReceived = r.framesReceived; out.keyFramesDecoded = r.keyFramesDecoded; out.pli = r.pliCount; out.nacks = r.nackCount; out.lost = r.packetsLost; out.packets = r.packetsReceived;
                  out.decoder = r.decoderImplementation; const c = all.get(r.codecId) || {}; out.codec = c.mimeType + ' ' + c.sdpFmtpLine + ' pt' + c.payloadType; }
                if (r.type === 'inbound-rtp' && r.kind === 'audio') { out.audioBytes += r.bytesReceived; }
              });
              return out;
            }};
            </script></body></html>
            """;
}
