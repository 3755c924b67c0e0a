// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The UDP engine: event-loop threads, each serving its own sockets, on Netty's native epoll
 * transport (recvmmsg/sendmmsg batching) or the NIO fallback. See the package documentation
 * for the design; {@link UdpEngineConfig} for the knobs.
 *
 * <p>Start with {@link #start}, use {@link #sockets()}, and {@link #close()} when done (also
 * from a shutdown hook; not from one of the engine's own threads, which close would wait on).
 */
public final class UdpEngine implements AutoCloseable {
    /**
     * Bounds Netty's outbound buffer per socket, in octets of queued datagrams. A flush normally
     * empties it at once; it only fills while the kernel send buffer is full (sendmmsg(2) EAGAIN),
     * and then the engine's own drop-oldest queue takes over.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 << 10, 2 << 20);
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final UdpEngineConfig config;
    private final UdpTransport transport;
    private final EventLoopGroup group;
    private final List<EngineSocket> sockets;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UdpEngine(UdpEngineConfig config, UdpTransport transport, EventLoopGroup group,
            List<EngineSocket> sockets) {
        this.config = config;
        this.transport = transport;
        this.group = group;
        this.sockets = List.copyOf(sockets);
    }

    /**
     * Opens and binds every socket; on any failure closes what was opened and throws.
     *
     * @throws IOException when a socket cannot be bound (port taken, address not local)
     * @throws IllegalStateException for REUSE_PORT on the NIO transport
     */
    public static UdpEngine start(UdpEngineConfig config, DatagramHandler handler) throws IOException {
        UdpTransport transport = UdpTransport.select(config);
        EventLoopGroup group = transport.newGroup(config.threads(), new DefaultThreadFactory("cascade-udp", true));
        List<EngineSocket> sockets = new ArrayList<>(config.sockets());
        try {
            List<EventLoop> loops = new ArrayList<>(config.threads());
            for (EventExecutor executor : group) {
                loops.add((EventLoop) executor);
            }
            int sharedPort = config.basePort();
            for (int i = 0; i < config.sockets(); i++) {
                EventLoop loop = loops.get(i / config.socketsPerThread());
                int port = config.mode() == UdpBindMode.REUSE_PORT ? sharedPort
                        : config.basePort() == 0 ? 0 : config.basePort() + i;
                EngineSocket socket = open(config, transport, loop, handler, port);
                sockets.add(socket);
                // REUSE_PORT with an ephemeral base: the first socket picks the port, the rest join it.
                sharedPort = socket.localAddress().getPort();
            }
        } catch (IOException | RuntimeException e) {
            new UdpEngine(config, transport, group, sockets).close();
            throw e;
        }
        return new UdpEngine(config, transport, group, sockets);
    }

    private static EngineSocket open(UdpEngineConfig config, UdpTransport transport, EventLoop loop,
            DatagramHandler handler, int port) throws IOException {
        DatagramInbound inbound = new DatagramInbound(handler);
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.channelClass())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(inbound);
        if (config.receiveBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes());
        }
        if (config.sendBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.sendBufferBytes());
        }
        transport.configure(bootstrap, config);
        Channel channel = await(bootstrap.register(), "register").channel();
        boolean segmentation = transport == UdpTransport.EPOLL && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
        EngineSocket socket = new EngineSocket(channel, config.sendQueueCapacity(), segmentation);
        inbound.attach(socket);
        try {
            await(channel.bind(new InetSocketAddress(config.bindHost(), port)), config.bindHost() + ":" + port);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        socket.bound();
        return socket;
    }

    private static <F extends ChannelFuture> F await(F future, String what) throws IOException {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            if (cause instanceof IOException io) {
                throw new IOException("UDP " + what + ": " + io.getMessage(), io);
            }
            throw new IOException("UDP " + what + " failed", cause);
        }
        return future;
    }

    /** The sockets, in port order for PORT_PER_THREAD; socket {@code i} runs on thread {@code i / socketsPerThread}. */
    public List<UdpSocket> sockets() {
        return List.copyOf(sockets);
    }

    /** Whether the native epoll transport is in use (false: NIO). */
    public boolean epoll() {
        return transport == UdpTransport.EPOLL;
    }

    public UdpEngineConfig config() {
        return config;
    }

    /** The sum of all sockets' counters. */
    public UdpStats totals() {
        UdpStats total = UdpStats.ZERO;
        for (EngineSocket socket : sockets) {
            total = total.plus(socket.stats());
        }
        return total;
    }

    /**
     * Closes every channel, releases every queued datagram and stops the threads; waits for that
     * (bounded). Idempotent.
     *
     * @throws IllegalStateException when called from one of the engine's own threads
     */
    @Override
    public void close() {
        if (inOwnThread()) {
            throw new IllegalStateException("UdpEngine.close() on its own event loop would wait on itself");
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Future<?>> closing = new ArrayList<>(sockets.size());
        for (EngineSocket socket : sockets) {
            closing.add(socket.executor().submit(socket::closeOnLoop));
        }
        for (Future<?> future : closing) {
            future.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private boolean inOwnThread() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "UdpEngine[" + transport + ", " + sockets.size() + " sockets on " + config.threads() + " threads]";
    }
}
