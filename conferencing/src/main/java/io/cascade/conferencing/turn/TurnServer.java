// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.AddressFamily;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpBindMode;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The STUN/TURN server: UDP on the fabric's {@link UdpEngine} (one event loop per core, the
 * listening port shared with SO_REUSEPORT so that the kernel spreads clients over the loops),
 * TCP and TLS on {@link StreamListeners}, relay sockets on the loop of the client they serve.
 * See the package documentation for the design and the RFCs.
 *
 * <p>Start with {@link #start}, stop with {@link #close}. Expiry runs once a second on each loop;
 * {@link #sweepNow} runs it at once (tests drive time with a manual clock instead of sleeping).
 */
public final class TurnServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TurnServer.class);
    /**
     * Receive slots of the listening socket: 8 x 4 KiB, so that the batch buffer (32 KiB) stays
     * within what Netty's per-thread buffer cache keeps, and a datagram is relayed in both
     * directions up to the same size (see {@link NettyRelayPorts#SLOT}).
     */
    private static final int LISTEN_SLOT = 4096;
    private static final int LISTEN_BATCH = 8;

    private final TurnContext context;
    private final Map<UdpSocket, TurnShard> udpShards = new ConcurrentHashMap<>();
    private final List<Future<?>> sweeps = new ArrayList<>();
    private UdpEngine engine;
    private StreamListeners streams;
    private InetSocketAddress udpAddress;
    private InetSocketAddress tcpAddress;
    private InetSocketAddress tlsAddress;
    private final InetAddress relayAddress;
    private final AddressFamily relayFamily;
    /** Native epoll for every socket, unless unavailable or {@code -Dcascade.udp.nio=true}. */
    private final boolean epoll = Epoll.isAvailable() && !Boolean.getBoolean("cascade.udp.nio");

    private TurnServer(TurnContext context, InetAddress relayAddress) {
        this.context = context;
        this.relayAddress = relayAddress;
        this.relayFamily = AddressFamily.of(relayAddress);
    }

    /** Starts with the system clock and a {@link SecureRandom}. */
    public static TurnServer start(TurnServerConfig config) throws IOException {
        return start(config, InstantSource.system(), new SecureRandom());
    }

    /**
     * Binds every listener; on failure closes what was opened and throws.
     *
     * @throws IOException when a port cannot be bound or the TLS material cannot be read
     */
    public static TurnServer start(TurnServerConfig config, InstantSource clock, RandomGenerator random)
            throws IOException {
        InetAddress listen = literal(config.listenHost());
        InetAddress relay = literal(config.relayHost());
        Optional<InetAddress> advertised = config.advertisedRelayHost().isPresent()
                ? Optional.of(literal(config.advertisedRelayHost().get())) : Optional.empty();
        if (relay.isAnyLocalAddress() && advertised.isEmpty()) {
            // XOR-RELAYED-ADDRESS would say 0.0.0.0: clients could not use it.
            throw new IllegalArgumentException("TURN config: a relay bound to " + config.relayHost()
                    + " needs an advertised relay address (the public IP clients reach it at)");
        }
        Set<InetAddress> self = new HashSet<>(List.of(listen, relay));
        advertised.ifPresent(self::add);
        PeerPolicy policy = new PeerPolicy(config.allowLoopbackPeers(), config.allowedPeers(),
                config.deniedPeers(), self, config.minRelayPort(), config.maxRelayPort());
        TurnServer server = new TurnServer(new TurnContext(config, clock, random, policy, advertised), relay);
        try {
            server.open(listen);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void open(InetAddress listen) throws IOException {
        TurnServerConfig config = context.config;
        // SO_REUSEPORT needs epoll; on NIO one socket (one loop) serves the port.
        UdpEngineConfig udp = UdpEngineConfig.defaults()
                .withBind(listen.getHostAddress(), config.port())
                .withThreads(epoll ? config.effectiveThreads() : 1, 1)
                .withMode(epoll ? UdpBindMode.REUSE_PORT : UdpBindMode.PORT_PER_THREAD)
                .withReceive(LISTEN_BATCH, LISTEN_SLOT)
                .withForceNio(!epoll);
        DatagramHandler handler = this::onDatagram;
        engine = UdpEngine.start(udp, handler);
        udpAddress = engine.sockets().get(0).localAddress();
        for (UdpSocket socket : engine.sockets()) {
            shardOf(socket); // so that every loop sweeps, also before its first datagram
        }
        if (config.tcp() || config.tlsCertificate().isPresent()) {
            streams = new StreamListeners(Math.max(1, config.effectiveThreads() / 2), epoll);
            long idle = config.maxLifetime().toSeconds() + 60;
            if (config.tcp()) {
                tcpAddress = streams.listen(new InetSocketAddress(listen, udpAddress.getPort()), ClientTransport.TCP,
                        null, this::newShard, context.counters, idle);
            }
            if (config.tlsCertificate().isPresent()) {
                SslContext tls = StreamListeners.tlsContext(config.tlsCertificate().get(), config.tlsKey().orElseThrow());
                tlsAddress = streams.listen(new InetSocketAddress(listen, config.tlsPort()), ClientTransport.TLS,
                        tls, this::newShard, context.counters, idle);
            }
        }
        LOG.infof("TURN server: UDP %s%s%s, relay %s ports %d-%d, realm %s, loopback peers %s (%s, %d loops)",
                udpAddress, tcpAddress == null ? "" : ", TCP " + tcpAddress, tlsAddress == null ? "" : ", TLS " + tlsAddress,
                relayAddress.getHostAddress(), config.minRelayPort(), config.maxRelayPort(), config.realm(),
                config.allowLoopbackPeers() ? "ALLOWED" : "refused", engine.epoll() ? "epoll" : "nio",
                engine.sockets().size());
    }

    private void onDatagram(ByteBuf datagram, InetSocketAddress sender, UdpSocket socket) {
        shardOf(socket).onUdp(datagram, sender, socket);
    }

    private TurnShard shardOf(UdpSocket socket) {
        TurnShard shard = udpShards.get(socket);
        return shard != null ? shard : udpShards.computeIfAbsent(socket, s -> newShard((EventLoop) s.executor()));
    }

    private TurnShard newShard(EventLoop loop) {
        NettyRelayPorts ports = new NettyRelayPorts(loop, epoll, relayAddress, context.counters);
        TurnShard shard = new TurnShard(context, ports, relayFamily);
        ports.attach(shard);
        synchronized (sweeps) {
            sweeps.add(loop.scheduleAtFixedRate(() -> sweep(shard), 1, 1, TimeUnit.SECONDS));
        }
        return shard;
    }

    private void sweep(TurnShard shard) {
        shard.sweep();
        context.reservations.sweep(context.clock.millis());
    }

    /** Runs expiry on every loop now and waits for it (tests, with a manual clock). */
    public void sweepNow() {
        onEveryLoop(this::sweep);
    }

    /** Allocations held now, over all loops. */
    public int allocations() {
        return context.quota.inUse();
    }

    public TurnCounters counters() {
        return context.counters;
    }

    public InetSocketAddress udpAddress() {
        return udpAddress;
    }

    /** The TCP listener, or empty when TCP is off. */
    public Optional<InetSocketAddress> tcpAddress() {
        return Optional.ofNullable(tcpAddress);
    }

    /** The TLS listener, or empty when no certificate is configured. */
    public Optional<InetSocketAddress> tlsAddress() {
        return Optional.ofNullable(tlsAddress);
    }

    public TurnServerConfig config() {
        return context.config;
    }

    /** Issues TURN REST credentials (when a shared secret is configured). */
    public LongTermCredentials credentials() {
        return context.credentials;
    }

    /** Deletes every allocation, then closes listeners and loops. Idempotent. */
    @Override
    public void close() {
        synchronized (sweeps) {
            sweeps.forEach(f -> f.cancel(false));
            sweeps.clear();
        }
        onEveryLoop(TurnShard::closeAll);
        if (streams != null) {
            streams.close();
            streams = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /** Runs {@code action} for each shard on its own loop and waits (bounded) for all of them. */
    private void onEveryLoop(Consumer<TurnShard> action) {
        List<Future<?>> pending = new ArrayList<>();
        udpShards.forEach((socket, shard) -> pending.add(submit(socket.executor(), () -> action.accept(shard))));
        if (streams != null) {
            streams.shards().forEach((loop, shard) -> pending.add(submit(loop, () -> action.accept(shard))));
        }
        for (Future<?> future : pending) {
            if (future != null) {
                future.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Future<?> submit(EventExecutor executor, Runnable task) {
        return executor.isShuttingDown() ? null : executor.submit(task);
    }

    /** A literal address from configuration; host names are refused (no DNS at start). */
    private static InetAddress literal(String host) throws UnknownHostException {
        Cidr block = Cidr.parse(host);
        byte[] raw = block.network();
        if (raw.length * 8 != block.prefixLength()) {
            throw new IllegalArgumentException("TURN config: '" + host + "' must be one address, not a block");
        }
        return InetAddress.getByAddress(raw);
    }
}
