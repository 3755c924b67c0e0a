// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.platform.directory.Directory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A {@link StreamCatalog} shared through the directory: a stream described on this node is
 * announced in the directory's streams cache with its formats as JSON (so it lives exactly as long
 * as this node's entry), a stream published elsewhere is looked up there, and {@link #watch}
 * tells the catalog's listeners when a stream appears or changes on another node.
 *
 * <p>A stream published here is no longer pulled: the node's {@link StreamPuller} forgets its pull
 * (the local publisher already re-pointed the relay stream), which is how a consumer here keeps
 * its subscription when a producer moves onto this node.
 *
 * <p>Directory writes run on one thread of their own, in order, off the publisher's thread.
 */
public final class DirectoryCatalog implements StreamCatalog.Shared, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DirectoryCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TrackFormat>> FORMATS = new TypeReference<>() {};

    private final Directory directory;
    private final String nodeId;
    private final StreamPuller puller;
    private final ScheduledExecutorService writer;
    private final Map<String, String> seen = new HashMap<>();
    private ScheduledFuture<?> watching;

    /** @param puller this node's puller, told when a stream it pulled is published here; may be null */
    public DirectoryCatalog(Directory directory, String nodeId, StreamPuller puller) {
        this.directory = directory;
        this.nodeId = nodeId;
        this.puller = puller;
        this.writer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("catalog-" + nodeId).factory());
    }

    @Override
    public void announce(StreamName stream, List<TrackFormat> tracks) {
        if (puller != null) {
            puller.publishedHere(stream);
        }
        String json = write(tracks);
        run(() -> directory.announceStream(stream.value(), nodeId, json));
    }

    @Override
    public void withdraw(StreamName stream) {
        run(() -> directory.withdrawStream(stream.value(), nodeId));
    }

    @Override
    public Optional<List<TrackFormat>> lookup(StreamName stream) {
        return directory.announcementsOf(stream.value()).stream()
                .filter(a -> !a.nodeId().equals(nodeId) && a.formats() != null)
                .findFirst()
                .flatMap(a -> read(a.formats(), a.nodeId()));
    }

    /**
     * Every {@code period}, looks for streams under {@code prefix} that other nodes announce and
     * this node does not publish, and calls {@link StreamCatalog#remoteChanged} for each that is
     * new or whose formats changed.
     */
    public void watch(StreamCatalog catalog, String prefix, Duration period) {
        watching = writer.scheduleWithFixedDelay(() -> scan(catalog, prefix), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void scan(StreamCatalog catalog, String prefix) {
        try {
            Set<String> present = new HashSet<>();
            for (var a : directory.announcements(prefix)) { // newest first: the first per stream counts
                if (a.nodeId().equals(nodeId) || a.formats() == null || !present.add(a.stream())) {
                    continue;
                }
                StreamName name = StreamName.of(a.stream());
                if (!catalog.isLocal(name) && !a.formats().equals(seen.put(a.stream(), a.formats()))) {
                    catalog.remoteChanged(name);
                }
            }
            seen.keySet().retainAll(present);
        } catch (RuntimeException e) {
            LOG.warnf("catalog %s: looking at the directory's streams failed: %s", nodeId, e.getMessage());
        }
    }

    /** A consumer of a remote stream failed to start: the next scan reports the stream again. */
    public void retry(StreamName stream) {
        run(() -> seen.remove(stream.value()));
    }

    private void run(Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warnf("catalog %s: directory write failed: %s", nodeId, e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debugf("catalog %s closed, directory not updated", nodeId);
        }
    }

    private static String write(List<TrackFormat> tracks) {
        try {
            return JSON.writeValueAsString(tracks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another node's JSON: unreadable or invalid formats count as absent. */
    private static Optional<List<TrackFormat>> read(String json, String from) {
        try {
            List<TrackFormat> tracks = JSON.readValue(json, FORMATS);
            return tracks == null || tracks.stream().anyMatch(t -> t == null || t.kind() == null || t.encoding() == null)
                    ? Optional.empty() : Optional.of(List.copyOf(tracks));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("formats announced by %s unreadable, ignored: %s", from, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stops watching; announcements already queued are written first. */
    @Override
    public void close() {
        if (watching != null) {
            watching.cancel(false);
        }
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
