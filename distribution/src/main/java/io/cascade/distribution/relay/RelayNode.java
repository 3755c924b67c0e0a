// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A relay node: origin, mid-tier, edge or SFU, by configuration. Streams are spread over the UDP
 * engine's sockets (one {@link RelayShard} per socket and thread) by the hash of their name; every
 * call is handed to the stream's shard thread and answered with a future.
 *
 * <p>Wiring: {@code node = new RelayNode(...)}; start a UDP engine with {@link #handler()}; then
 * {@link #attach(List)} its sockets. The caller owns the engine and closes it after the node.
 */
public final class RelayNode implements AutoCloseable {
    /** How often shards run their timers (NACK retries, PLI release, reports, liveness). */
    static final long TICK_MS = 20;

    private final RelayConfig config;
    private final RelayListener listener;
    private final InstantSource clock;
    private volatile RelayShard[] shards = new RelayShard[0];
    private volatile Map<UdpSocket, RelayShard> bySocket = Map.of();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

    public RelayNode(RelayConfig config, RelayListener listener, InstantSource clock) {
        this.config = config;
        this.listener = listener;
        this.clock = clock;
    }

    /** The engine's handler: dispatches each datagram to its socket's shard. */
    public DatagramHandler handler() {
        return new DatagramHandler() {
            @Override
            public void onDatagram(ByteBuf datagram, InetSocketAddress sender, UdpSocket socket) {
                RelayShard shard = bySocket.get(socket);
                if (shard != null) {
                    shard.onDatagram(datagram, sender, socket);
                }
            }

            @Override
            public void onBatchEnd(UdpSocket socket) {
                RelayShard shard = bySocket.get(socket);
                if (shard != null) {
                    shard.onBatchEnd(socket);
                }
            }
        };
    }

    /** Creates one shard per socket and starts their timers. Call once. */
    public synchronized void attach(List<? extends UdpSocket> sockets) {
        if (shards.length > 0) {
            throw new IllegalStateException("already attached");
        }
        RelayShard[] created = new RelayShard[sockets.size()];
        Map<UdpSocket, RelayShard> map = new IdentityHashMap<>();
        long seed = System.nanoTime();
        for (int i = 0; i < created.length; i++) {
            UdpSocket socket = sockets.get(i);
            RelayShard shard = new RelayShard(i, socket, config, listener, clock, seed + i);
            created[i] = shard;
            map.put(socket, shard);
            ticks.add(socket.executor().scheduleAtFixedRate(() -> shard.tick(clock.millis()),
                    TICK_MS, TICK_MS, TimeUnit.MILLISECONDS));
        }
        bySocket = map;
        shards = created;
    }

    /** Where a stream lives: a fixed shard per name. */
    RelayShard shardOf(StreamName name) {
        RelayShard[] s = shards;
        if (s.length == 0) {
            throw new IllegalStateException("relay node not attached to a UDP engine");
        }
        return s[Math.floorMod(name.hashCode(), s.length)];
    }

    /** The socket a stream's media comes from and its RTP/RTCP go to, on this node. */
    public InetSocketAddress mediaAddress(StreamName name) {
        return shardOf(name).socket.localAddress();
    }

    /**
     * Opens (or re-points) a stream's publish endpoint: RTP from {@code source} (port 0: any port
     * of that host) with the tracks' SSRCs feeds the stream. Re-publishing an existing stream
     * switches its source without disturbing subscribers.
     */
    public CompletableFuture<PublishInfo> publish(StreamName name, InetSocketAddress source, List<TrackSpec> tracks) {
        return publish(name, source, tracks, null);
    }

    /**
     * As {@link #publish(StreamName, InetSocketAddress, List)} for a secured peer: its media
     * passes through {@code link} (a WebRTC session) on the way in and its feedback on the way out.
     */
    public CompletableFuture<PublishInfo> publish(StreamName name, InetSocketAddress source, List<TrackSpec> tracks,
                                                  MediaLink link) {
        return publish(name, source, tracks, null, link);
    }

    /**
     * As above for a publisher that sends simulcast: {@code layers} gives each track's layer
     * group (null: no layers). Layers announced by rid carry SSRC 0 until their first packet.
     */
    public CompletableFuture<PublishInfo> publish(StreamName name, InetSocketAddress source, List<TrackSpec> tracks,
                                                  List<LayerSpec> layers, MediaLink link) {
        RelayShard shard = shardOf(name);
        List<TrackSpec> specs = List.copyOf(tracks);
        List<LayerSpec> layout = layers == null ? null : List.copyOf(layers);
        return on(shard, () -> shard.publish(name, source, specs, layout, link));
    }

    /**
     * Adds a destination. {@code rtxPayloadTypes}: per track the RTX payload type it negotiated,
     * -1 for plain retransmissions; null for none at all.
     */
    public CompletableFuture<Subscription> subscribe(StreamName name, InetSocketAddress destination, int[] rtxPayloadTypes) {
        return subscribe(name, destination, rtxPayloadTypes, null);
    }

    /** As {@link #subscribe(StreamName, InetSocketAddress, int[])} for a secured peer behind {@code link}. */
    public CompletableFuture<Subscription> subscribe(StreamName name, InetSocketAddress destination,
                                                     int[] rtxPayloadTypes, MediaLink link) {
        RelayShard shard = shardOf(name);
        return on(shard, () -> shard.subscribe(name, destination, rtxPayloadTypes, link));
    }

    /**
     * Adds a destination that is the next tier's relay: it gets every track on its own output,
     * every layer of a simulcast group included, and the answer carries the stream's layout
     * ({@link Subscription#layers}), so that relay can publish the stream with the same layers
     * and choose one per subscriber of its own. An ordinary subscriber of a layered stream gets
     * one layer per group, the one its estimate affords.
     */
    public CompletableFuture<Subscription> subscribeAllLayers(StreamName name, InetSocketAddress destination,
                                                              int[] rtxPayloadTypes) {
        RelayShard shard = shardOf(name);
        return on(shard, () -> shard.subscribe(name, destination, rtxPayloadTypes, null, true));
    }

    /**
     * Puts a WebRTC side on every shard's socket: {@code demuxes} gets each shard's index and
     * socket and returns its {@link PeerDemux}. Call after {@link #attach}, once.
     */
    public void attachPeers(java.util.function.BiFunction<Integer, UdpSocket, PeerDemux> demuxes) {
        for (RelayShard shard : shards) {
            PeerDemux demux = demuxes.apply(shard.index, shard.socket);
            on(shard, () -> {
                shard.peers(demux);
                return null;
            }).join();
        }
    }

    /** The socket (and so the thread) a stream lives on; WebRTC sessions for it live there too. */
    public UdpSocket socketOf(StreamName name) {
        return shardOf(name).socket;
    }

    public CompletableFuture<Boolean> unsubscribe(StreamName name, long subscriberId) {
        RelayShard shard = shardOf(name);
        return on(shard, () -> shard.unsubscribe(name, subscriberId));
    }

    public CompletableFuture<Boolean> close(StreamName name) {
        RelayShard shard = shardOf(name);
        return on(shard, () -> shard.close(name));
    }

    public CompletableFuture<Boolean> hasStream(StreamName name) {
        RelayShard shard = shardOf(name);
        return on(shard, () -> shard.hasStream(name));
    }

    /** Snapshots of every stream on every shard. */
    public CompletableFuture<List<StreamStats>> stats() {
        List<CompletableFuture<List<StreamStats>>> parts = new ArrayList<>();
        for (RelayShard shard : shards) {
            parts.add(on(shard, shard::stats));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<StreamStats> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    /** Counters summed over shards. */
    public CompletableFuture<RelayCounters> counters() {
        List<CompletableFuture<RelayCounters>> parts = new ArrayList<>();
        for (RelayShard shard : shards) {
            parts.add(on(shard, shard::counters));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v ->
                parts.stream().map(CompletableFuture::join).reduce(RelayCounters.ZERO, RelayCounters::plus));
    }

    private static <T> CompletableFuture<T> on(RelayShard shard, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<T> f = shard.socket.executor().submit(work);
        f.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(f.getNow());
            } else {
                result.completeExceptionally(done.cause());
            }
        });
        return result;
    }

    /** Stops the timers and releases every stream's buffers (on their threads). */
    @Override
    public synchronized void close() {
        ticks.forEach(t -> t.cancel(false));
        ticks.clear();
        for (RelayShard shard : shards) {
            if (!shard.socket.executor().isShuttingDown()) {
                on(shard, () -> {
                    shard.closeAll();
                    return null;
                }).orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }
}
