// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * TURN over TCP (RFC 8656 §3.1) and over TLS (RFC 8656 §3.1, the "turns:" port 5349 of RFC 7065):
 * Netty server sockets whose connections run on this class's own event loops, one {@link
 * TurnShard} per loop. A connection's pipeline: [TLS] -> read timeout -> {@link
 * StreamFrameDecoder} -> {@link StreamLink}.
 *
 * <p>A connection that sends nothing for longer than the maximum allocation lifetime is closed: a
 * client with an allocation refreshes well before that, and an idle one only holds a descriptor.
 */
final class StreamListeners implements AutoCloseable {
    private final EventLoopGroup group;
    private final Map<EventLoop, TurnShard> shards = new ConcurrentHashMap<>();
    private final List<Channel> servers = new ArrayList<>();
    private final boolean epoll;

    StreamListeners(int threads, boolean epoll) {
        this.epoll = epoll;
        DefaultThreadFactory factory = new DefaultThreadFactory("cascade-turn-tcp", true);
        this.group = epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    /**
     * Listens on {@code address} for {@code transport} (TCP, or TLS with {@code tls}); returns the
     * bound address. {@code shardFactory} makes the shard of a loop the first time one of its
     * connections opens.
     */
    InetSocketAddress listen(InetSocketAddress address, ClientTransport transport, SslContext tls,
            Function<EventLoop, TurnShard> shardFactory, TurnCounters counters, long idleSeconds)
            throws IOException {
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(type)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 << 10, 512 << 10))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        TurnShard shard = shards.computeIfAbsent(ch.eventLoop(), shardFactory);
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new ReadTimeoutHandler(idleSeconds, TimeUnit.SECONDS),
                                new StreamFrameDecoder(counters), new StreamLink(transport, shard, counters));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException(transport + " listener on " + address + ": " + bound.cause().getMessage(), bound.cause());
        }
        servers.add(bound.channel());
        return (InetSocketAddress) bound.channel().localAddress();
    }

    /** A server-side TLS context from a PEM certificate chain and PEM PKCS#8 key. */
    static SslContext tlsContext(Path certificate, Path key) throws IOException {
        try {
            return SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("TLS certificate " + certificate + " / key " + key + ": " + e.getMessage(), e);
        }
    }

    /** The shards of loops that have had connections, for sweeps and stop. */
    Map<EventLoop, TurnShard> shards() {
        return shards;
    }

    @Override
    public void close() {
        for (Channel server : servers) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
