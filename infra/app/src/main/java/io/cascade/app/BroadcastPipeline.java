// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.tier.DirectoryCatalog;
import io.cascade.distribution.webrtc.WebRtcException;
import io.cascade.edge.hls.HlsBroadcast;
import io.cascade.edge.hls.HlsBroadcasts;
import io.cascade.edge.hls.HlsHttp;
import io.cascade.edge.hls.HlsSettings;
import io.cascade.edge.relay.RenditionFeed;
import io.cascade.ingest.origin.OriginPublisher;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.transcode.relay.TranscodeJob;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The broadcast path on this node, wired through the relay: each broadcast's program goes to the
 * origin ({@code bcast/{id}/program}); its ladder is placed on a transcode worker through the
 * directory ({@link TranscodeWorkers}), whose job turns it into renditions
 * ({@code bcast/{id}/{rendition}}); the HLS packager subscribes to every rendition and serves
 * {@code /hls/{id}/master.m3u8}; each rendition is also registered for WHEP ({@code /whep/{id}}).
 * The node's {@link StreamCatalog}, shared through the directory ({@link DirectoryCatalog}),
 * tells each stage what the previous one publishes, on this node or another. On one machine all
 * stages share one relay node. Across machines, a worker on another node pulls the program from
 * this one and publishes the renditions there; a node with role {@code edge} (or {@code all})
 * watches the directory for renditions published elsewhere and pulls them into its relay only
 * when viewers ask ({@link PulledRenditions}: the first HLS request starts packaging, a WHEP
 * offer pulls its stream before the answer), and lets them go when no one has asked for a while;
 * when the producer moves, the relay's puller re-pulls from the new one.
 */
@ApplicationScoped
public class BroadcastPipeline {
    private static final Logger LOG = Logger.getLogger(BroadcastPipeline.class);
    /** How often the directory is read for renditions published on other nodes. */
    private static final Duration WATCH_PERIOD = Duration.ofMillis(500);
    /** How long the first HLS request of a broadcast pulled on demand waits for its first part. */
    private static final long FIRST_MEDIA_WAIT_MS = 5_000;

    @Inject
    CascadeConfig config;

    @Inject
    RelayService relay;

    @Inject
    BroadcastService broadcasts;

    @Inject
    WebRtcService webRtc;

    @Inject
    PlaybackAccess playback;

    @Inject
    TranscodeWorkers transcode;

    @Inject
    PlatformServices platform;

    private final StreamCatalog catalog = new StreamCatalog();
    private final Map<String, RenditionFeed> feeds = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("pipeline-start").factory());
    private DirectoryCatalog shared;
    private HlsBroadcasts hls;
    private HlsHttp hlsHttp;
    private volatile PulledRenditions pulled;

    void start(@Observes @Priority(3200) StartupEvent ev, Vertx vertx, Router router) {
        hls = new HlsBroadcasts(HlsSettings.DEFAULTS, InstantSource.system());
        hlsHttp = new HlsHttp(vertx, hls);
        router.route("/hls/*").handler(playback::hls); // tokens, viewer counts
        router.route("/hls/*").handler(this::pullOnDemand);
        router.route("/hls/*").handler(hlsHttp::handle);
        if (relay.node() == null) {
            return;
        }
        String host = config.node().advertisedHost();
        shared = new DirectoryCatalog(platform.directory(), config.node().id(), relay.node().puller());
        catalog.share(shared);
        pulled = new PulledRenditions(new Packaging(host), starter, InstantSource.system(),
                config.playback().pulledIdle().toMillis());
        vertx.setPeriodic(1000, t -> pulled.sweep());
        webRtc.preparePlay(this::pullForViewer);
        broadcasts.programSinks(id -> new OriginPublisher(relay.node().relay(), catalog, TranscodeJob.programOf(id), host));
        transcode.start(relay.node(), catalog, host);
        catalog.onChange(stream -> starter.execute(() -> changed(stream, host)));
        var roles = config.node().roles();
        if (roles.contains("edge") || roles.contains("all")) {
            shared.watch(catalog, "bcast/", WATCH_PERIOD); // renditions produced on other nodes
        }
    }

    /** A stream's description changed: start what consumes it, once. */
    private void changed(StreamName stream, String host) {
        BroadcastStreams.Parts parts = BroadcastStreams.parse(stream);
        if (parts == null) {
            return;
        }
        String broadcast = parts.broadcast();
        String name = parts.name();
        var formats = catalog.get(stream).orElse(null);
        if (formats == null) {
            pulled.withdraw(broadcast, stream);
            return;
        }
        boolean local = catalog.isLocal(stream);
        try {
            if (name.equals("program")) {
                if (!local) {
                    return; // placed by the node it enters on
                }
                if (hasAacConfig(formats)) {
                    transcode.place(broadcast); // idempotent: the first call places, later ones read
                }
                return;
            }
            if (name.equals(BroadcastWhep.LAYERED)) {
                webRtc.registerLayered(broadcast, formats); // WHEP without ?rendition=: layers switched at keyframes
                return;
            }
            if (formats.stream().anyMatch(f -> f.is("H264"))) {
                webRtc.registerRendition(broadcast, name, formats); // WHEP: H.264 and Opus; AAC is not offered
            }
            if (!hasAacConfig(formats)) {
                return; // no HLS without AAC
            }
            if (local) {
                feed(stream, parts, formats, host);
            } else {
                pulled.offer(broadcast, stream, formats); // produced elsewhere: pulled when a viewer asks
            }
        } catch (Exception e) {
            LOG.errorf(e, "pipeline: could not start the consumer of %s", stream);
        }
    }

    private static boolean hasAacConfig(List<TrackFormat> formats) {
        return formats.stream().anyMatch(f -> f.is("mpeg4-generic") && f.parameter("config").isPresent());
    }

    /** Feeds a rendition in this node's relay to the packager, once. */
    private void feed(StreamName stream, BroadcastStreams.Parts parts, List<TrackFormat> formats, String host)
            throws IOException {
        if (feeds.containsKey(stream.value())) {
            return;
        }
        HlsBroadcast b = hls.get(parts.broadcast()).orElseGet(() -> hls.open(parts.broadcast()));
        feeds.put(stream.value(), RenditionFeed.open(relay.node().relay(), stream, formats, b, parts.name(), host));
        LOG.infof("HLS: %s packaged as /hls/%s/%s", stream, parts.broadcast(), parts.name());
    }

    /**
     * An HLS request: a broadcast whose renditions come from other nodes starts being pulled and
     * packaged here, and the first request waits (up to {@link #FIRST_MEDIA_WAIT_MS}) for the
     * first part instead of getting a 404 from a packager that has nothing yet.
     */
    private void pullOnDemand(RoutingContext ctx) {
        String broadcast = ctx.get(PlaybackAccess.BROADCAST); // set by PlaybackAccess.hls, before this
        PulledRenditions p = pulled;
        if (p == null || broadcast == null || !p.offers(broadcast)) {
            ctx.next();
            return;
        }
        CompletableFuture<Void> started = p.demand(broadcast);
        if (started.isDone() && hasMedia(broadcast)) {
            ctx.next(); // the usual case: already pulled and packaged
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        long deadline = System.nanoTime() + FIRST_MEDIA_WAIT_MS * 1_000_000;
        started.whenComplete((v, e) -> context.runOnContext(x -> awaitFirstPart(ctx, broadcast, deadline)));
    }

    private boolean hasMedia(String broadcast) {
        return hls.get(broadcast).map(b -> b.renditions().stream().anyMatch(r -> r.counters().parts() > 0)).orElse(false);
    }

    private void awaitFirstPart(RoutingContext ctx, String broadcast, long deadline) {
        if (hasMedia(broadcast) || System.nanoTime() > deadline || ctx.response().closed()) {
            ctx.next();
        } else {
            ctx.vertx().setTimer(50, t -> awaitFirstPart(ctx, broadcast, deadline));
        }
    }

    /** Before a WHEP viewer plays a stream another node produces, this relay pulls it. */
    private void pullForViewer(StreamName stream) throws WebRtcException {
        if (catalog.isLocal(stream) || catalog.get(stream).isEmpty()) {
            return;
        }
        try {
            relay.node().puller().ensure(stream).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new WebRtcException(503, "the stream could not be pulled to this edge: " + e.getMessage());
        }
    }

    /** Pulled renditions' HLS packaging: pull into the relay, feed the packager; and the reverse. */
    private final class Packaging implements PulledRenditions.Packaging {
        private final String host;

        Packaging(String host) {
            this.host = host;
        }

        @Override
        public void start(StreamName stream, List<TrackFormat> formats) throws Exception {
            BroadcastStreams.Parts parts = BroadcastStreams.parse(stream);
            if (parts == null || feeds.containsKey(stream.value())) {
                return;
            }
            relay.node().puller().ensure(stream).get(5, TimeUnit.SECONDS);
            feed(stream, parts, formats, host);
        }

        @Override
        public void stop(StreamName stream) {
            RenditionFeed feed = feeds.remove(stream.value());
            if (feed != null) {
                feed.close();
            }
            String broadcast = BroadcastStreams.broadcastOf(stream);
            if (broadcast != null && feeds.keySet().stream()
                    .noneMatch(k -> broadcast.equals(BroadcastStreams.broadcastOf(StreamName.of(k))))) {
                hls.remove(broadcast); // nothing of it is packaged here any more
            }
        }
    }

    /** Which renditions this node pulls for its viewers (tests, diagnostics). */
    PulledRenditions pulled() {
        return pulled;
    }

    public StreamCatalog catalog() {
        return catalog;
    }

    public HlsBroadcasts hls() {
        return hls;
    }

    /** Each step runs even if an earlier one fails (at shutdown Vert.x may already be closed). */
    @PreDestroy
    void stop() {
        starter.shutdownNow();
        quietly("transcode workers", transcode::stop);
        if (shared != null) {
            quietly("shared catalog", shared::close);
        }
        feeds.values().forEach(feed -> quietly("HLS feed", feed::close));
        if (hls != null) {
            quietly("HLS broadcasts", hls::close); // held requests end; a spool directory, if any, is deleted
        }
        if (hlsHttp != null) {
            quietly("HLS HTTP", hlsHttp::close);
        }
    }

    private static void quietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warnf("pipeline stop: closing the %s failed: %s", what, e);
        }
    }
}
