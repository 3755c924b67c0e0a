// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The RTMP ingest server: accepts publishers over TCP (Netty, epoll where available, else NIO),
 * runs the handshake, chunk stream and commands, and hands each accepted publish's media to the
 * {@link RtmpMediaSink} the {@link RtmpPublishHandler} chose. Every connection lives on one event
 * loop thread; nothing a client sends reaches beyond its own connection. See the package
 * documentation for what is supported and refused.
 *
 * <pre>{@code
 * try (RtmpServer server = new RtmpServer(RtmpServerConfig.defaults(), handler)) {
 *     InetSocketAddress bound = server.start();
 *     ...
 * }
 * }</pre>
 */
public final class RtmpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");
    private static final long STOP_TIMEOUT_MS = 5000;
    /** Outbound bytes queued for a client above which it counts as not reading (SLOW_READER). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final RtmpServerContext context;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ChannelGroup channels = new DefaultChannelGroup("rtmp", GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;
    private boolean closed;

    /** A server with its own event loop group (epoll where available), shut down by {@link #close()}. */
    public RtmpServer(RtmpServerConfig config, RtmpPublishHandler handler) {
        this(config, handler, null, new SecureRandom(), System::nanoTime);
    }

    /**
     * A server on a shared event loop group ({@link EpollEventLoopGroup} or
     * {@link NioEventLoopGroup}), which {@link #close()} leaves running.
     */
    public RtmpServer(RtmpServerConfig config, RtmpPublishHandler handler, EventLoopGroup group) {
        this(config, handler, Objects.requireNonNull(group, "group"), new SecureRandom(), System::nanoTime);
    }

    /** For tests: fixed randomness and clock in the handshake. */
    RtmpServer(RtmpServerConfig config, RtmpPublishHandler handler, EventLoopGroup group, RandomGenerator random,
            LongSupplier nanoTime) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        long epoch = nanoTime.getAsLong();
        HandshakeResponder responder = new HandshakeResponder(random,
                () -> TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - epoch));
        this.context = RtmpServerContext.of(config, handler, responder);
        this.ownsGroup = group == null;
        this.group = group != null ? group : newGroup(config.ioThreads());
    }

    private static EventLoopGroup newGroup(int threads) {
        return Epoll.isAvailable() ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
    }

    private Class<? extends ServerChannel> channelClass() {
        if (group instanceof EpollEventLoopGroup) {
            return EpollServerSocketChannel.class;
        }
        if (group instanceof NioEventLoopGroup) {
            return NioServerSocketChannel.class;
        }
        throw new IllegalArgumentException("unsupported event loop group " + group.getClass().getName());
    }

    /**
     * Binds to the configured host and port.
     *
     * @return the bound address (the actual port when 0 was configured)
     * @throws IllegalStateException when the address cannot be bound, or on a second start
     */
    public synchronized InetSocketAddress start() {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("RTMP server already started or closed");
        }
        RtmpServerConfig config = context.config();
        HandshakeDigest.warmUp();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelClass())
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new RtmpChannelInitializer(context, channels));
        ChannelFuture bind = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            throw new IllegalStateException("cannot bind RTMP server to " + config.host() + ":" + config.port(),
                    bind.cause());
        }
        serverChannel = bind.channel();
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.infof("rtmp: listening on %s:%d (%s)", bound.getAddress().getHostAddress(), bound.getPort(),
                channelClass().getSimpleName());
        return bound;
    }

    /** The bound address, or null before {@link #start()}. */
    public synchronized InetSocketAddress localAddress() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** The counters now. */
    public RtmpStats stats() {
        return context.counters().snapshot();
    }

    /** Whether {@code streamKey} is being published under {@code app} on this server. */
    public boolean isLive(String app, String streamKey) {
        return context.publishers().isLive(app, streamKey);
    }

    /**
     * Stops accepting, closes every connection ({@link CloseReason#SERVER_STOPPED}; publishes end
     * with an error), and shuts the event loop group down if the server owns it. Waits up to
     * five seconds. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(STOP_TIMEOUT_MS);
        }
        for (Channel channel : channels) {
            RtmpConnection connection = channel.attr(RtmpConnection.KEY).get();
            channel.eventLoop().execute(() -> connection.close(CloseReason.SERVER_STOPPED, "server stopping"));
        }
        channels.newCloseFuture().awaitUninterruptibly(STOP_TIMEOUT_MS);
        if (ownsGroup) {
            group.shutdownGracefully(0, STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(STOP_TIMEOUT_MS);
        }
        LOG.infof("rtmp: stopped");
    }
}
