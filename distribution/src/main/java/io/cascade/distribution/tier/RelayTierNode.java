// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.distribution.control.Addresses;
import io.cascade.distribution.control.RelayControlApi;
import io.cascade.distribution.control.RelayControlClient;
import io.cascade.distribution.control.StreamSource;
import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeHeartbeat;
import io.cascade.platform.directory.NodeInfo;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A relay node in its tier: the UDP engine, the relay, the control API, the upstream puller and
 * the directory registration, started and stopped together. The application and the multi-node
 * tests build nodes with this class, so both run the same assembly.
 */
public final class RelayTierNode implements AutoCloseable {
    /**
     * @param nodeId     unique in the directory
     * @param role       origin, mid or edge
     * @param region     the node's region
     * @param engine     UDP sockets for media
     * @param relay      relay tuning
     * @param token      bearer token of the control API (this node's and its upstreams')
     * @param idleGrace  how long a pulled stream with no subscriber is kept
     */
    public record Settings(String nodeId, TierRole role, String region, UdpEngineConfig engine, RelayConfig relay,
                           String token, Duration idleGrace, Duration heartbeat) {}

    private final Settings settings;
    private final RelayNode relay;
    private final UdpEngine engine;
    private final StreamPuller puller;
    private final RelayControlApi api;
    private NodeHeartbeat heartbeat;

    private RelayTierNode(Settings settings, RelayNode relay, UdpEngine engine, StreamPuller puller) {
        this.settings = settings;
        this.relay = relay;
        this.engine = engine;
        this.puller = puller;
        this.api = new RelayControlApi(relay, settings.role() == TierRole.ORIGIN ? originSource(puller) : puller,
                settings.token());
    }

    /**
     * Starts the engine and the relay. {@code wrapHandler} lets a caller (a loss-injecting test)
     * sit between the sockets and the relay; production passes {@code h -> h}.
     */
    public static RelayTierNode start(Settings settings, Directory directory, InstantSource clock,
                                      RelayListener extraListener, UnaryOperator<DatagramHandler> wrapHandler)
            throws java.io.IOException {
        ListenerChain listeners = new ListenerChain(extraListener);
        RelayNode relay = new RelayNode(settings.relay(), listeners, clock);
        UdpEngine engine = UdpEngine.start(settings.engine(), wrapHandler.apply(relay.handler()));
        relay.attach(engine.sockets());
        StreamPuller puller = new StreamPuller(relay, directory, settings.nodeId(), settings.role(),
                new RelayControlClient(settings.token(), Duration.ofSeconds(1)), clock, settings.idleGrace().toMillis());
        listeners.add(puller);
        return new RelayTierNode(settings, relay, engine, puller);
    }

    private static StreamSource originSource(StreamPuller puller) {
        return new StreamSource() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> ensure(StreamName stream) {
                return StreamSource.PUBLISHED_ONLY.ensure(stream);
            }

            @Override
            public void published(StreamName stream) {
                puller.published(stream);
            }

            @Override
            public void closed(StreamName stream) {
                puller.closed(stream);
            }
        };
    }

    /** The control API, to mount under {@code /relay/v1}. */
    public Router router(Vertx vertx) {
        return api.router(vertx);
    }

    /**
     * Registers the node in the directory (heartbeat) with its control API base URL, and starts
     * the periodic release of idle pulled streams on the engine's first thread.
     */
    public void register(Directory directory, String apiBase) {
        NodeInfo info = new NodeInfo(settings.nodeId(), Set.of(settings.role().directoryRole()), settings.region(),
                addresses(apiBase), 0.0);
        heartbeat = NodeHeartbeat.start(directory, info, () -> 0.0, settings.heartbeat());
        startMaintenance();
    }

    /** What the node's directory entry must carry for other tiers: the API base and the media socket. */
    public Map<String, String> addresses(String apiBase) {
        InetSocketAddress media = engine.sockets().get(0).localAddress();
        return Map.of("relay", apiBase, "media", Addresses.format(media));
    }

    /** Starts the periodic release of idle pulled streams, on the engine's first thread. */
    public void startMaintenance() {
        engine.sockets().get(0).executor().scheduleAtFixedRate(puller::releaseIdle, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    public RelayNode relay() {
        return relay;
    }

    public StreamPuller puller() {
        return puller;
    }

    public UdpEngine engine() {
        return engine;
    }

    public Settings settings() {
        return settings;
    }

    /** A clean stop: deregisters, releases streams, closes sockets. */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        relay.close();
        engine.close();
    }

    /** A crash, for tests: sockets vanish, nothing is deregistered or released upstream. */
    public void kill() {
        if (heartbeat != null) {
            heartbeat.cancel();
        }
        relay.close();
        engine.close();
    }
}
