// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.TrackFormat;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Renditions produced on other nodes, as an edge sees them (docs/playback.md, "Pulled on
 * demand"): the directory offers them, and nothing is pulled until a viewer asks. The first HLS
 * request for a broadcast starts its packaging here (each offered rendition is pulled into this
 * node's relay and fed to the packager); a broadcast with no HLS request for {@code idleMs} stops
 * being packaged, after which the relay releases the pulls it no longer needs (its own idle
 * grace). WHEP viewers are relay subscribers themselves: their stream is pulled before the answer
 * and kept while they play.
 *
 * <p>Starts and stops run on one executor, in order; demand bookkeeping is thread-safe.
 */
final class PulledRenditions {
    private static final Logger LOG = Logger.getLogger(PulledRenditions.class);

    /** What starting and stopping a rendition's HLS packaging means on this node. */
    interface Packaging {
        /** Pulls {@code stream} into this node and feeds it to the packager; blocks until done or failed. */
        void start(StreamName stream, List<TrackFormat> formats) throws Exception;

        /** Stops feeding {@code stream} to the packager (the pull is released by the relay when idle). */
        void stop(StreamName stream);
    }

    private final Packaging packaging;
    private final Executor starter;
    private final InstantSource clock;
    private final long idleMs;
    /** broadcast -> offered rendition stream -> formats (HLS-capable renditions only). */
    private final Map<String, Map<StreamName, List<TrackFormat>>> offered = new ConcurrentHashMap<>();
    /** Streams being packaged here because of demand. */
    private final Set<StreamName> packaged = ConcurrentHashMap.newKeySet();
    /** broadcast -> time of its last HLS request, for broadcasts with demand. */
    private final Map<String, Long> lastDemand = new ConcurrentHashMap<>();

    PulledRenditions(Packaging packaging, Executor starter, InstantSource clock, long idleMs) {
        this.packaging = packaging;
        this.starter = starter;
        this.clock = clock;
        this.idleMs = idleMs;
    }

    /** The directory offers {@code stream} of {@code broadcast}, produced elsewhere. */
    void offer(String broadcast, StreamName stream, List<TrackFormat> formats) {
        offered.computeIfAbsent(broadcast, b -> new ConcurrentHashMap<>()).put(stream, formats);
        if (lastDemand.containsKey(broadcast)) {
            starter.execute(() -> start(stream)); // viewers are already here: a new rendition joins at once
        }
    }

    /** Whether {@code broadcast} has renditions offered by other nodes. */
    boolean offers(String broadcast) {
        return offered.containsKey(broadcast);
    }

    /**
     * An HLS request for {@code broadcast}: starts packaging what is not packaged yet. The future
     * completes when every offered rendition has been started (or failed to start).
     */
    CompletableFuture<Void> demand(String broadcast) {
        lastDemand.put(broadcast, clock.millis());
        Map<StreamName, List<TrackFormat>> renditions = offered.get(broadcast);
        if (renditions == null || packaged.containsAll(renditions.keySet())) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> renditions.keySet().forEach(this::start), starter);
    }

    /** Stops packaging broadcasts with no HLS request for the idle time. Call periodically. */
    void sweep() {
        long now = clock.millis();
        lastDemand.forEach((broadcast, last) -> {
            if (now - last >= idleMs && lastDemand.remove(broadcast, last)) {
                starter.execute(() -> stopAll(broadcast));
            }
        });
    }

    /** A stream is no longer offered (the broadcast ended or moved). */
    void withdraw(String broadcast, StreamName stream) {
        Map<StreamName, List<TrackFormat>> renditions = offered.get(broadcast);
        if (renditions != null) {
            renditions.remove(stream);
        }
    }

    /** Whether {@code stream} is being packaged here (tests, diagnostics). */
    boolean packaging(StreamName stream) {
        return packaged.contains(stream);
    }

    private void start(StreamName stream) {
        String broadcast = BroadcastStreams.broadcastOf(stream);
        List<TrackFormat> formats = broadcast == null ? null : offered.getOrDefault(broadcast, Map.of()).get(stream);
        if (formats == null || packaged.contains(stream) || !lastDemand.containsKey(broadcast)) {
            return;
        }
        try {
            packaging.start(stream, formats);
            packaged.add(stream);
            LOG.infof("HLS: pulled %s on demand", stream);
        } catch (Exception e) {
            LOG.warnf("HLS: could not pull %s on demand: %s", stream, e.toString());
        }
    }

    private void stopAll(String broadcast) {
        if (lastDemand.containsKey(broadcast)) {
            return; // asked for again since the sweep
        }
        for (StreamName stream : List.copyOf(packaged)) {
            if (broadcast.equals(BroadcastStreams.broadcastOf(stream))) {
                packaged.remove(stream);
                packaging.stop(stream);
                LOG.infof("HLS: %s idle for %d ms, no longer packaged here", stream, idleMs);
            }
        }
    }
}
