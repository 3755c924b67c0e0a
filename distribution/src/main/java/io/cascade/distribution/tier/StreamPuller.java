// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.distribution.control.Addresses;
import io.cascade.distribution.control.ApiException;
import io.cascade.distribution.control.ApiTypes;
import io.cascade.distribution.control.RelayControlClient;
import io.cascade.distribution.control.StreamSource;
import io.cascade.distribution.control.UpstreamException;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.StreamStats;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Pulls streams from upstream tiers on demand, fails over when an upstream goes silent, and
 * releases streams nobody watches. Also announces streams published on an origin in the directory,
 * so that mid-tiers can find them.
 *
 * <p>An origin pulls too, on local demand only ({@link #ensure} from this process, never through
 * its control API): a stream another origin announces, such as a program a transcode worker here
 * needs, or a rendition a worker elsewhere produces for this node's packager. When a failover
 * finds no upstream (the stream's producer is moving to another node and has not announced it
 * yet), it tries again with a growing pause until an upstream appears, the stream is published
 * here ({@link #publishedHere}), or it is released as idle.
 */
public final class StreamPuller implements StreamSource, RelayListener {
    private static final Logger LOG = Logger.getLogger(StreamPuller.class);

    /** What this node pulled, from where; {@code layers}: the stream's simulcast layout, or null. */
    record Pull(StreamName stream, String upstreamNode, String upstreamApi, long upstreamSubscriber, long idleSinceMs,
                List<LayerSpec> layers) {
        Pull idle(long since) {
            return new Pull(stream, upstreamNode, upstreamApi, upstreamSubscriber, since, layers);
        }
    }

    /** An upstream's subscribe answer as this node will use it, checked. */
    private record Answer(List<TrackSpec> tracks, List<LayerSpec> layers, InetSocketAddress media) {}

    private final RelayNode node;
    private final Directory directory;
    private final String nodeId;
    private final UpstreamSelector selector;
    private final RelayControlClient client;
    private final InstantSource clock;
    private final long idleGraceMs;
    private final Map<StreamName, Pull> pulls = new ConcurrentHashMap<>();
    private final Map<StreamName, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** Upstream answers refused as unusable (bad tracks, address or layer layout). */
    private final LongAdder refusedAnswers = new LongAdder();
    /** First and longest pause between attempts to re-pull a stream that lost its upstream. */
    static final long RETRY_FIRST_MS = 100;
    static final long RETRY_MAX_MS = 1_000;

    public StreamPuller(RelayNode node, Directory directory, String nodeId, TierRole role, RelayControlClient client,
                        InstantSource clock, long idleGraceMs) {
        this.node = node;
        this.directory = directory;
        this.nodeId = nodeId;
        this.selector = new UpstreamSelector(directory, nodeId, role, clock, 10_000);
        this.client = client;
        this.clock = clock;
        this.idleGraceMs = idleGraceMs;
    }

    @Override
    public CompletableFuture<Void> ensure(StreamName stream) {
        return node.hasStream(stream).thenCompose(present -> present
                ? CompletableFuture.completedFuture(null)
                : once(stream));
    }

    /**
     * The pull of {@code stream} under way, or a new one. The map entry is removed when the pull
     * ends, outside the map's own update: a pull that fails at once (no upstream) completes
     * inside {@code computeIfAbsent}, where removing the key would be a recursive update.
     */
    private CompletableFuture<Void> once(StreamName stream) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(stream, mine);
        if (running != null) {
            return running;
        }
        CompletableFuture<Void> pull;
        try {
            pull = pull(stream);
        } catch (RuntimeException e) {
            pull = CompletableFuture.failedFuture(e);
        }
        pull.whenComplete((v, e) -> {
            inFlight.remove(stream, mine);
            if (e == null) {
                mine.complete(null);
            } else {
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    /** Subscribes at the best upstream and points the local stream at it; tries the next on failure. */
    private CompletableFuture<Void> pull(StreamName stream) {
        List<NodeInfo> candidates = selector.candidates(stream);
        if (candidates.isEmpty()) {
            return CompletableFuture.failedFuture(new UpstreamException("no upstream has " + stream, null));
        }
        return tryPull(stream, candidates, 0, null);
    }

    private CompletableFuture<Void> tryPull(StreamName stream, List<NodeInfo> candidates, int i, Throwable last) {
        if (i >= candidates.size()) {
            String why = last == null ? "" : ": " + (last instanceof java.util.concurrent.CompletionException c
                    && c.getCause() != null ? c.getCause() : last).getMessage();
            return CompletableFuture.failedFuture(new UpstreamException("every upstream failed for " + stream + why, last));
        }
        NodeInfo up = candidates.get(i);
        String api = up.addresses().get("relay");
        InetSocketAddress here = node.mediaAddress(stream);
        // every layer: this node chooses one per subscriber of its own, with the layout the answer gives
        var request = new ApiTypes.SubscribeRequest(stream.value(), Addresses.format(here), null, true);
        return client.subscribe(api, request)
                .thenCompose(resp -> {
                    Answer answer = read(resp, up.id(), api, stream);
                    return node.publish(stream, answer.media(), answer.tracks(), answer.layers(), null).thenApply(info -> {
                        Pull previous = pulls.put(stream, new Pull(stream, up.id(), api, resp.id(), -1, answer.layers()));
                        if (previous != null && !previous.upstreamNode().equals(up.id())) {
                            release(previous); // tell the old upstream, if it is still alive
                        }
                        LOG.infof("%s pulled %s from %s", nodeId, stream, up.id());
                        return (Void) null;
                    });
                })
                .exceptionallyCompose(e -> {
                    LOG.warnf("%s: pulling %s from %s failed: %s", nodeId, stream, up.id(), e.getMessage());
                    selector.failed(up.id());
                    return tryPull(stream, candidates, i + 1, e);
                });
    }

    /**
     * Checks an upstream's answer as hostile input: tracks, media address and layer layout must
     * be usable, else it is counted and refused (the next candidate is tried, and a caller that
     * finds none gets 502). The subscription the upstream made is released.
     */
    private Answer read(ApiTypes.SubscribeResponse resp, String upstream, String api, StreamName stream) {
        try {
            if (resp.tracks() == null || resp.tracks().isEmpty() || resp.tracks().size() > MAX_TRACKS
                    || resp.tracks().contains(null)) {
                throw new ApiException(502, "tracks: 1 to " + MAX_TRACKS + " tracks");
            }
            List<TrackSpec> tracks = resp.tracks().stream().map(ApiTypes.Track::toSpec).toList();
            List<LayerSpec> layers = ApiTypes.layers(resp.layers(), tracks);
            return new Answer(tracks, layers, Addresses.parse("media", resp.media()));
        } catch (RuntimeException e) {
            refusedAnswers.increment();
            client.unsubscribe(api, stream.value(), resp.id()).exceptionally(x -> null);
            throw new UpstreamException(upstream + " answered a subscribe to " + stream + " with what this node cannot use: "
                    + e.getMessage(), e);
        }
    }

    /** The most tracks an upstream's answer may list (as the control API takes on publish). */
    private static final int MAX_TRACKS = 8;

    /** Upstream subscribe answers refused as unusable since start. */
    public long refusedAnswers() {
        return refusedAnswers.sum();
    }

    /**
     * The simulcast layout of a stream this node pulls (one per track, as its upstream described
     * it and the local relay stream was published with); empty for a stream not pulled or not layered.
     */
    public Optional<List<LayerSpec>> layers(StreamName stream) {
        Pull p = pulls.get(stream);
        return Optional.ofNullable(p == null ? null : p.layers());
    }

    /**
     * The upstream went silent. If it answers and says its own source is silent, the silence is
     * the publisher's and another upstream would not help; otherwise (it does not answer, or it
     * still has media) take the next candidate. Runs on a shard thread, so stay async.
     */
    @Override
    public void publisherSilent(StreamName stream, InetSocketAddress source) {
        Pull p = pulls.get(stream);
        if (p == null || inFlight.containsKey(stream)) {
            return; // a publisher, not an upstream; or a failover is already running
        }
        client.streams(p.upstreamApi()).handle((answer, error) -> {
            boolean sourceSilentThere = error == null && answer.path("streams").findValuesAsText("name").contains(stream.value())
                    && silentThere(answer, stream);
            if (sourceSilentThere) {
                LOG.infof("%s: %s is silent at its upstream %s too: waiting for the publisher", nodeId, stream, p.upstreamNode());
            } else {
                failover(stream, p);
            }
            return null;
        });
    }

    private static boolean silentThere(com.fasterxml.jackson.databind.JsonNode answer, StreamName stream) {
        for (var s : answer.path("streams")) {
            if (stream.value().equals(s.path("name").asText())) {
                return s.path("silent").asBoolean(false);
            }
        }
        return false;
    }

    private void failover(StreamName stream, Pull p) {
        selector.failed(p.upstreamNode());
        LOG.warnf("%s: upstream %s failed for %s, failing over", nodeId, p.upstreamNode(), stream);
        repull(stream, p, RETRY_FIRST_MS);
    }

    /** Pulls again; with no upstream yet, tries later while the stream still hangs on the lost one. */
    private void repull(StreamName stream, Pull lost, long pauseMs) {
        once(stream).whenComplete((v, e) -> {
            if (e == null || !stillLost(stream, lost)) {
                return; // pulled; or published here, released, or pulled by another caller meanwhile
            }
            if (pauseMs == RETRY_FIRST_MS) {
                LOG.warnf("%s: failover for %s found no upstream yet (%s); trying again", nodeId, stream, e.getMessage());
            }
            CompletableFuture.delayedExecutor(pauseMs, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                if (stillLost(stream, lost)) {
                    repull(stream, lost, Math.min(pauseMs * 2, RETRY_MAX_MS));
                }
            });
        });
    }

    private boolean stillLost(StreamName stream, Pull lost) {
        Pull now = pulls.get(stream);
        return now != null && now.upstreamNode().equals(lost.upstreamNode())
                && now.upstreamSubscriber() == lost.upstreamSubscriber();
    }

    /**
     * A publisher on this node now feeds the stream (it re-pointed the relay stream, so local
     * subscribers stay): the pull, if any, is dropped and released upstream.
     */
    public void publishedHere(StreamName stream) {
        Pull p = pulls.remove(stream);
        if (p != null) {
            release(p);
            LOG.infof("%s: %s is published here now, no longer pulled from %s", nodeId, stream, p.upstreamNode());
        }
    }

    /** Periodic: releases pulled streams that have had no subscriber for the grace period. */
    public CompletableFuture<Void> releaseIdle() {
        if (pulls.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.millis();
        return node.stats().thenAccept(all -> {
            for (StreamStats s : all) {
                StreamName name = StreamName.of(s.name());
                Pull p = pulls.get(name);
                if (p == null) {
                    continue;
                }
                if (!s.subscribers().isEmpty()) {
                    pulls.put(name, p.idle(-1));
                } else if (p.idleSinceMs() < 0) {
                    pulls.put(name, p.idle(now));
                } else if (now - p.idleSinceMs() >= idleGraceMs && inFlight.get(name) == null) {
                    pulls.remove(name);
                    release(p);
                    node.close(name);
                    LOG.infof("%s released idle %s", nodeId, name);
                }
            }
        });
    }

    private void release(Pull p) {
        client.unsubscribe(p.upstreamApi(), p.stream().value(), p.upstreamSubscriber())
                .exceptionally(e -> null); // the upstream may be the one that died
    }

    @Override
    public void published(StreamName stream) {
        directory.announceStream(stream.value(), nodeId);
    }

    @Override
    public void closed(StreamName stream) {
        directory.withdrawStream(stream.value(), nodeId);
        Pull p = pulls.remove(stream);
        if (p != null) {
            release(p);
        }
    }

    /** Streams pulled now and from which upstream node. */
    public Map<String, String> pulled() {
        Map<String, String> out = new java.util.TreeMap<>();
        pulls.forEach((k, v) -> out.put(k.value(), v.upstreamNode()));
        return out;
    }

    List<Pull> pulls() {
        return new ArrayList<>(pulls.values());
    }
}
