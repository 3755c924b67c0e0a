// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.webrtc.WebRtcException;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSession;
import io.cascade.ingest.broadcast.BroadcastRegistry;
import io.cascade.ingest.broadcast.SourceFeed;
import io.cascade.transcode.whip.WhipSource;
import io.cascade.transcode.whip.WhipSourceBridge;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * WHIP publishers with a broadcast source's stream key: each publishes the relay stream {@code
 * ingest/{broadcastId}/{n}-{source}} ({@code n} the source's position, since relay names are lower
 * case and source names are not) and, once ICE and DTLS have completed, a {@link WhipSource}
 * subscribed to it here feeds that source of the broadcast's input manager, as an RTMP or SRT
 * camera would; the session's end disconnects the source (failover, slate). A second WHIP
 * publisher for a live source gets 409 from the gateway (one publisher per stream). Keys are
 * never logged; a refusal names a hash prefix.
 */
final class WhipSources implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WhipSources.class);

    private final WebRtcGateway gateway;
    private final Supplier<BroadcastRegistry> registry;
    private final RelayNode relay;
    private final String host;
    /** Running bridges by "broadcast/source", for the input manager's keyframe requests. */
    private final Map<String, WhipSource> running = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();

    WhipSources(WebRtcGateway gateway, Supplier<BroadcastRegistry> registry, RelayNode relay, String host) {
        this.gateway = gateway;
        this.registry = registry;
        this.relay = relay;
        this.host = host;
    }

    /** The relay stream a source key publishes, or empty when the key is no source's. */
    Optional<StreamName> streamOf(String streamKey) {
        return owner(streamKey).map(WhipSources::streamOf);
    }

    static boolean isSourceStream(StreamName stream) {
        return stream.value().startsWith("ingest/");
    }

    private static StreamName streamOf(BroadcastRegistry.KeyOwner owner) {
        int n = owner.broadcast().sources().indexOf(owner.source());
        return StreamName.of("ingest/" + owner.broadcast().id() + "/" + n + "-" + owner.source().toLowerCase(Locale.ROOT));
    }

    private Optional<BroadcastRegistry.KeyOwner> owner(String streamKey) {
        BroadcastRegistry r = registry.get();
        return r == null ? Optional.empty() : r.resolve(streamKey);
    }

    /**
     * A source key's offer was answered: check what it sends and start its bridge once the session
     * is secured.
     *
     * @throws WebRtcException 404 the key stopped resolving (broadcast deleted), 406 not H.264 and Opus
     */
    void published(String streamKey, WebRtcGateway.Answer answer) throws WebRtcException {
        BroadcastRegistry.KeyOwner owner = owner(streamKey)
                .orElseThrow(() -> new WebRtcException(404, "unknown stream key"));
        WebRtcSession session = answer.session();
        List<TrackFormat> formats = gateway.publishedFormats(session.stream())
                .orElseThrow(() -> new WebRtcException(409, "the session for " + session.stream() + " is gone"));
        Optional<String> unsupported = WhipSourceBridge.unsupported(formats);
        if (unsupported.isPresent()) {
            throw new WebRtcException(406, unsupported.get());
        }
        session.secured().thenAcceptAsync(s -> start(owner, session, formats), starter);
    }

    private void start(BroadcastRegistry.KeyOwner owner, WebRtcSession session, List<TrackFormat> formats) {
        String name = owner.broadcast().id() + "/" + owner.source();
        SourceFeed feed = SourceFeed.of(owner, "WHIP");
        WhipSource source;
        try {
            source = WhipSource.start(relay, session.stream(), formats, host, BroadcastService.sinkOf(feed));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("WHIP source %s: not started (%s)", name, e.getMessage());
            feed.end();
            gateway.close(session.id());
            return;
        }
        running.put(name, source);
        session.closed().whenComplete((reason, e) -> {
            running.remove(name, source);
            source.close();
        });
    }

    /** The program waits for a keyframe of {@code source}: ask its WHIP publisher, if it is one. */
    void keyframeWanted(String broadcast, String source) {
        WhipSource s = running.get(broadcast + "/" + source);
        if (s != null) {
            s.requestKeyframe();
        }
    }

    /** Bridges running now (for tests and metrics). */
    Map<String, WhipSource> running() {
        return Map.copyOf(running);
    }

    @Override
    public void close() {
        running.values().forEach(WhipSource::close);
        starter.shutdownNow();
    }
}
