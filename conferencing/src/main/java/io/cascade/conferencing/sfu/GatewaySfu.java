// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.sfu;

import io.cascade.conferencing.signaling.Sfu;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.tier.StreamPuller;
import io.cascade.distribution.webrtc.WebRtcException;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The rooms' {@link Sfu} on this node's WebRTC gateway: {@code room.publish} is a WHIP-like
 * publish, {@code room.subscribe} a WHEP-like play, on stream names {@code room/...}.
 *
 * <p>Across nodes (docs/signaling.md, "Rooms across nodes"): once a publisher is live its formats
 * go into the {@link StreamCatalog}, which a shared catalog announces in the directory like a
 * broadcast's streams. A play of a stream published on another node first pulls it into this
 * relay ({@link StreamPuller#ensure}: the relay subscribes at the publisher's relay, whose
 * keyframe requests and NACKs then travel back over that link), registers it with the gateway
 * with the announced formats and, for a simulcast publisher, the layer layout the pull brought
 * (every layer crosses the link; this relay picks one per viewer), and plays it from here. The gateway and puller are looked up at
 * each call: they start after signaling, and are absent on a node without a relay.
 *
 * <p>Offers are answered on virtual threads, so a slow one (a republish waits up to 2 s for the
 * previous session to go, a first remote play up to 5 s for the announcement and the pull) holds
 * no caller: the signaling thread gets a stage and carries on with the room. Publishes of one
 * stream name run one at a time, in order (striped locks), so a republish never races the
 * session it replaces.
 */
public final class GatewaySfu implements Sfu {
    /** How long a new publish waits for the same stream's previous session to be released. */
    private static final long RELEASE_WAIT_MS = 2000;
    /** How long a play waits for another node's announcement of the stream, and for the pull. */
    private static final long PULL_WAIT_MS = 5000;

    /** Locks that keep publishes of one stream name in order; 64 stripes bound the memory. */
    private static final int PUBLISH_STRIPES = 64;

    private final Supplier<WebRtcGateway> gateway;
    private final Supplier<StreamPuller> puller;
    private final StreamCatalog catalog;
    private final Executor offers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cascade-sfu-offer-", 0).factory());
    private final ReentrantLock[] publishLocks = new ReentrantLock[PUBLISH_STRIPES];

    /** @param puller null (or supplying null) where nothing is pulled from other nodes */
    public GatewaySfu(Supplier<WebRtcGateway> gateway, Supplier<StreamPuller> puller, StreamCatalog catalog) {
        this.gateway = gateway;
        this.puller = puller;
        this.catalog = catalog;
        for (int i = 0; i < PUBLISH_STRIPES; i++) {
            publishLocks[i] = new ReentrantLock(true);
        }
    }

    @Override
    public CompletionStage<Session> publish(String stream, String offerSdp) {
        return answer(() -> {
            StreamName name = name(stream);
            ReentrantLock lock = publishLocks[Math.floorMod(name.hashCode(), PUBLISH_STRIPES)];
            lock.lock();
            try {
                return publishNow(name, offerSdp);
            } finally {
                lock.unlock();
            }
        });
    }

    @Override
    public CompletionStage<Session> play(String stream, String offerSdp) {
        return answer(() -> playNow(stream, offerSdp));
    }

    /** Runs {@code offer} on a virtual thread; its refusal fails the stage. */
    private CompletionStage<Session> answer(Supplier<Session> offer) {
        CompletableFuture<Session> answer = new CompletableFuture<>();
        try {
            offers.execute(() -> {
                try {
                    answer.complete(offer.get());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(new Refused(503, "the SFU is stopping"));
        }
        return answer;
    }

    private Session publishNow(StreamName name, String offerSdp) {
        WebRtcGateway g = gateway();
        // a republish (mesh -> SFU -> mesh -> SFU) must not find the old session still closing
        for (WebRtcSession old : g.sessions()) {
            if (old.kind() == WebRtcSession.Kind.PUBLISH && old.stream().equals(name)) {
                g.close(old.id());
                old.closed().toCompletableFuture().completeOnTimeout(null, RELEASE_WAIT_MS, TimeUnit.MILLISECONDS).join();
            }
        }
        Session s = session(() -> g.publish(name, offerSdp));
        s.live().thenRun(() -> g.publishedFormats(name).ifPresent(f -> catalog.describe(name, f)));
        s.ended().thenRun(() -> {
            if (g.publishedFormats(name).isEmpty()) {
                catalog.remove(name); // unless a newer publisher took the name meanwhile
            }
        });
        return s;
    }

    private Session playNow(String stream, String offerSdp) {
        WebRtcGateway g = gateway();
        StreamName name = name(stream);
        if (g.publishedFormats(name).isEmpty()) {
            pull(g, name);
        }
        return session(() -> g.play(name, offerSdp));
    }

    /** The stream is published on another node: pull it here and make it playable. */
    private void pull(WebRtcGateway g, StreamName name) {
        StreamPuller p = puller == null ? null : puller.get();
        if (p == null) {
            throw new Refused(404, "stream " + name + " is not live here");
        }
        List<TrackFormat> formats = announced(name);
        try {
            p.ensure(name).get(PULL_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Refused(404, "stream " + name + " could not be pulled: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new Refused(504, "pulling stream " + name + " took over " + PULL_WAIT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "interrupted");
        }
        List<TrackSpec> specs = new ArrayList<>();
        List<Codec> codecs = new ArrayList<>();
        for (TrackFormat f : formats.stream().sorted(Comparator.comparingInt(TrackFormat::index)).toList()) {
            specs.add(new TrackSpec(f.kind(), 0, f.payloadType(), f.clockRate(), 0, -1, false));
            codecs.add(new Codec(f.payloadType(), f.encoding(), f.clockRate(), f.channels(), f.fmtp(), List.of()));
        }
        // a simulcast publisher's layers: the relay pulled every one with their layout, and chooses per viewer here
        List<LayerSpec> layers = p.layers(name).orElse(null);
        try {
            if (layers != null && layers.size() == specs.size()) {
                g.registerStream(name, specs, codecs, layers);
            } else {
                g.registerStream(name, specs, codecs);
            }
        } catch (IllegalArgumentException e) {
            throw new Refused(406, "stream " + name + " has no format to offer: " + e.getMessage());
        }
    }

    /** The formats another node announced; the announcement may trail the publisher's going live by a moment. */
    private List<TrackFormat> announced(StreamName name) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PULL_WAIT_MS);
        while (true) {
            Optional<List<TrackFormat>> formats = catalog.get(name);
            if (formats.isPresent()) {
                return formats.get();
            }
            if (System.nanoTime() > deadline) {
                throw new Refused(404, "stream " + name + " is not live on any node");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(503, "interrupted");
            }
        }
    }

    @Override
    public void close(String sessionId) {
        WebRtcGateway g = gateway.get();
        if (g != null) {
            g.close(sessionId);
        }
    }

    @Override
    public void limitDownlink(String sessionId, int kbps) {
        WebRtcGateway g = gateway.get();
        if (g != null) {
            g.limitDownlink(sessionId, kbps);
        }
    }

    private WebRtcGateway gateway() {
        WebRtcGateway g = gateway.get();
        if (g == null) {
            throw new Refused(503, "no SFU on this node (the relay role is off)");
        }
        return g;
    }

    private static StreamName name(String stream) {
        try {
            return StreamName.of(stream);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "bad stream name: " + e.getMessage());
        }
    }

    private interface Offer {
        WebRtcGateway.Answer answer() throws WebRtcException;
    }

    private static Session session(Offer offer) {
        try {
            WebRtcGateway.Answer a = offer.answer();
            return new Session(a.session().id(), a.sdp(), a.session().secured(), a.session().closed());
        } catch (WebRtcException e) {
            throw new Refused(e.status(), e.getMessage());
        }
    }
}
