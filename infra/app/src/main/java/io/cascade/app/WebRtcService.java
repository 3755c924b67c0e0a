// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.stun.TurnRestCredentials;
import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSession;
import io.cascade.distribution.webrtc.WebRtcSettings;
import io.cascade.distribution.webrtc.WhipWhepRoutes;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.cascade.platform.directory.ViewerSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * WebRTC on this node's relay: WHIP ingest at {@code /whip/{streamKey}} and WHEP playback at
 * {@code /whep/{broadcastId}} (docs/webrtc.md, docs/playback.md), on the relay's media sockets. A
 * broadcast's renditions play at {@code /whep/{id}[?rendition=]} once the broadcast path registers
 * them ({@link #registerRendition}); otherwise a stream key {@code K} (1-64 of A-Z a-z 0-9 _ -)
 * publishes the stream {@code live/K} and WHEP {@code /whep/K} plays it ({@link BroadcastWhep}); a
 * broadcast source's key makes the publisher that source's camera ({@link WhipSources}).
 * WHIP needs the API bearer token; WHEP is open unless playback tokens are on.
 */
@ApplicationScoped
public class WebRtcService {
    private static final Logger LOG = Logger.getLogger(WebRtcService.class);

    @Inject
    CascadeConfig config;

    @Inject
    RelayService relay;

    @Inject
    TurnService turn;

    @Inject
    PlatformServices platform;

    @Inject
    PlaybackAccess playback;

    @Inject
    BroadcastService broadcasts;

    private WebRtcGateway gateway;
    private BroadcastWhep names;
    private WhipSources sources;

    /** After the relay has started (its observer has the default priority). */
    void start(@Observes @Priority(3000) StartupEvent ev, Vertx vertx, Router router, MeterRegistry registry) {
        if (relay.node() == null) {
            return;
        }
        SecureRandom random = new SecureRandom();
        List<String> hosts = config.relay().candidateHosts().orElse(List.of(config.node().advertisedHost()));
        WebRtcSettings settings = WebRtcSettings.on(hosts.getFirst());
        settings = new WebRtcSettings(hosts, settings.connectTimeout(), settings.dtls(), config.relay().publishCodecs());
        gateway = new WebRtcGateway(relay.node().relay(), settings, DtlsCertificate.generate(random),
                InstantSource.system(), random, new Events());
        gateway.attach();
        byte[] expected = ("Bearer " + config.api().devToken()).getBytes(StandardCharsets.UTF_8);
        sources = new WhipSources(gateway, broadcasts::registry, relay.node().relay(), config.node().advertisedHost());
        broadcasts.keyframeRequests(sources::keyframeWanted);
        names = new BroadcastWhep(gateway, playback::refusal, sources);
        WhipWhepRoutes routes = new WhipWhepRoutes(gateway, names,
                h -> h != null && MessageDigest.isEqual(expected, h.getBytes(StandardCharsets.UTF_8)),
                h -> true, this::iceServerLinks);
        router.route("/whip/*").subRouter(routes.whip(vertx));
        router.route("/whep/*").subRouter(routes.whep(vertx));
        metrics(registry);
        LOG.infof("WHIP at /whip/{streamKey}, WHEP at /whep/{id}; ICE candidates on %s", hosts);
    }

    /** RFC 9725 §4.6: our STUN and TURN servers, TURN with fresh REST credentials. */
    private List<String> iceServerLinks() {
        if (!turn.running()) {
            return List.of();
        }
        List<String> urls = turn.urls();
        TurnRestCredentials.Credential c = turn.credentials("whip");
        List<String> links = new ArrayList<>();
        links.add("<" + urls.getFirst() + ">; rel=\"ice-server\"");
        for (String url : urls.subList(1, urls.size())) {
            links.add("<" + url + ">; rel=\"ice-server\"; username=\"" + c.username() + "\"; credential=\""
                    + c.password() + "\"; credential-type=\"password\"");
        }
        return links;
    }

    private void metrics(MeterRegistry registry) {
        Gauge.builder("cascade.webrtc.sessions", gateway, g -> g.sessions().size())
                .description("WebRTC sessions (WHIP and WHEP) on this node").register(registry);
        FunctionCounter.builder("cascade.webrtc.sessions.secured", gateway, g -> g.counters().sessionsSecured())
                .description("sessions that completed ICE and DTLS").register(registry);
        FunctionCounter.builder("cascade.webrtc.dtls.failed", gateway, g -> g.counters().dtlsFailed())
                .description("DTLS handshakes that failed (timeout, fingerprint, alert)").register(registry);
        FunctionCounter.builder("cascade.webrtc.offers.refused", gateway, g -> g.counters().offersRefused())
                .description("WHIP/WHEP offers refused with a 4xx").register(registry);
    }

    public WebRtcGateway gateway() {
        return gateway;
    }

    /**
     * Makes rendition {@code rendition} of {@code broadcast} ({@code bcast/{id}/{rendition}},
     * described by {@code formats}) playable at {@code /whep/{id}[?rendition=]}; nothing without a relay.
     */
    public void registerRendition(String broadcast, String rendition, List<TrackFormat> formats) {
        if (names != null) {
            names.register(broadcast, rendition, formats);
        }
    }

    /**
     * Makes {@code bcast/{broadcast}/webrtc}, the renditions as simulcast layers (described by
     * {@code formats}), what {@code /whep/{id}} plays without {@code ?rendition=}; nothing without a relay.
     */
    public void registerLayered(String broadcast, List<TrackFormat> formats) {
        if (names != null) {
            names.registerLayered(broadcast, formats);
        }
    }

    /** Whether {@code /whep/{broadcast}} without {@code ?rendition=} plays the layered stream. */
    boolean playsLayers(String broadcast) {
        return names != null && names.hasLayers(broadcast);
    }

    /** Secured WHEP sessions per broadcast that has any. */
    public Map<String, Long> whepViewers() {
        return names == null ? Map.of() : names.viewers();
    }

    /** Runs before each WHEP viewer's session is created (the pipeline pulls remote renditions). */
    void preparePlay(BroadcastWhep.PlayPreparation p) {
        if (names != null) {
            names.preparePlay(p);
        }
    }

    /** Secured WHEP sessions playing a broadcast, as viewer sessions. */
    public List<ViewerSessions.Live> whepSessions() {
        return names == null ? List.of() : names.sessions();
    }

    /** Secured WHEP sessions playing {@code broadcast}. */
    public int whepViewers(String broadcast) {
        return names == null ? 0 : names.viewers(broadcast);
    }

    /** WHIP publishers feeding broadcast sources here, or null without a relay. */
    WhipSources whipSources() {
        return sources;
    }

    @PreDestroy
    void stop() {
        if (sources != null) {
            sources.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** webrtc.session.secured / webrtc.session.ended events. */
    private final class Events implements WebRtcGateway.Listener {
        @Override
        public void sessionSecured(WebRtcSession s) {
            emit("webrtc.session.started", s, null);
        }

        @Override
        public void sessionEnded(WebRtcSession s, String reason) {
            emit("webrtc.session.ended", s, reason);
        }

        private void emit(String type, WebRtcSession s, String reason) {
            var body = EventCodec.json().createObjectNode().put("session", s.id())
                    .put("kind", s.kind().name().toLowerCase()).put("stream", s.stream().value());
            if (reason != null) {
                body.put("reason", reason);
            }
            platform.events().publish(Event.of(type, config.node().id(), s.stream().value(), body));
        }
    }
}
