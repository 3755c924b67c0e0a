// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.distribution.bench.LatencyHistogram;
import io.cascade.distribution.bench.ProcessCpu;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The load generator: HTTP/1.1 keep-alive connections, one request outstanding on each (a viewer
 * waits for a response before its next request, as a player does), on Netty event loops in this
 * JVM, so the same client code drives every server. Each connection follows a {@link Viewer}
 * script. Bodies are counted, not kept, except where the script asks for them (playlists it must
 * read); a body whose length differs from the expected length of its URL counts as an error.
 */
final class HttpLoad implements AutoCloseable {

    /** What one viewer requests next; called on its connection's event loop. */
    interface Viewer {
        String first();

        /** @param body the response body when {@link #keepBody} asked for it, else null */
        String next(String target, int status, byte[] body);

        default boolean keepBody(String target) {
            return false;
        }
    }

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private volatile boolean measuring;
    private volatile boolean stopping;

    HttpLoad(int threads) {
        if (Epoll.isAvailable()) {
            group = new EpollEventLoopGroup(threads);
            channelType = EpollSocketChannel.class;
        } else {
            group = new NioEventLoopGroup(threads);
            channelType = NioSocketChannel.class;
        }
    }

    /**
     * Connects one connection per viewer, lets them run for {@code warmup}, then measures for
     * {@code window}: requests completed in the window, and the server's CPU over it.
     *
     * @param expected body length by request target; targets not in it are not checked
     */
    LoadResult run(String name, int port, List<? extends Viewer> viewers, Map<String, Integer> expected,
            Duration warmup, Duration window, Supplier<ServerCpu> serverCpu) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        List<Connection> connections = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        for (Viewer v : viewers) {
            Connection c = new Connection(v, expected, "127.0.0.1:" + port);
            connections.add(c);
            Bootstrap b = new Bootstrap().group(group).channel(channelType).option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(4096, 16384, 65536), c);
                        }
                    });
            channels.add(b.connect(address).sync().channel());
        }
        Thread.sleep(warmup.toMillis());
        long clientPid = ProcessHandle.current().pid();
        ServerCpu server0 = serverCpu.get();
        Duration client0 = ProcessCpu.of(clientPid);
        long t0 = System.nanoTime();
        measuring = true;
        Thread.sleep(window.toMillis());
        measuring = false;
        long t1 = System.nanoTime();
        ServerCpu server1 = serverCpu.get();
        Duration client1 = ProcessCpu.of(clientPid);
        stopping = true;
        for (Channel ch : channels) {
            ch.close().await(5, TimeUnit.SECONDS);
        }
        stopping = false;
        LatencyHistogram latency = new LatencyHistogram();
        long requests = 0;
        long bytes = 0;
        long errors = 0;
        long wrongLength = 0;
        for (Connection c : connections) {
            // the close above ran on the connection's event loop and completed before we read
            synchronized (c) {
                latency.add(c.latency);
                requests += c.requests;
                bytes += c.bytes;
                errors += c.errors;
                wrongLength += c.wrongLength;
            }
        }
        return new LoadResult(name, (t1 - t0) / 1e9, requests, bytes, errors, wrongLength, latency,
                seconds(server0.total(), server1.total()), seconds(server0.system(), server1.system()),
                seconds(client0, client1));
    }

    private static double seconds(Duration from, Duration to) {
        return (to.toNanos() - from.toNanos()) / 1e9;
    }

    /** One keep-alive connection: writes a request, reads its response, writes the next. */
    private final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private final Viewer viewer;
        private final Map<String, Integer> expected;
        private final String host;
        private final LatencyHistogram latency = new LatencyHistogram();
        private long requests;
        private long bytes;
        private long errors;
        private long wrongLength;
        private String target;
        private long sentNanos;
        private int status;
        private long length;
        private ByteArrayOutputStream body;
        private boolean closing;

        Connection(Viewer viewer, Map<String, Integer> expected, String host) {
            this.viewer = viewer;
            this.expected = expected;
            this.host = host;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx, viewer.first());
        }

        private void send(ChannelHandlerContext ctx, String next) {
            target = next;
            status = 0;
            length = 0;
            body = viewer.keepBody(next) ? new ByteArrayOutputStream(8192) : null;
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, next,
                    Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, host);
            sentNanos = System.nanoTime();
            ctx.writeAndFlush(request, ctx.voidPromise());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse r) {
                status = r.status().code();
            }
            if (msg instanceof HttpContent c) {
                ByteBuf content = c.content();
                length += content.readableBytes();
                if (body != null) {
                    body.write(ByteBufUtil.getBytes(content), 0, content.readableBytes());
                }
            }
            if (msg instanceof LastHttpContent) {
                long micros = (System.nanoTime() - sentNanos) / 1000;
                Integer want = expected.get(target);
                boolean wrong = status == 200 && want != null && want != length;
                if (measuring) {
                    synchronized (this) {
                        requests++;
                        bytes += length;
                        latency.record(micros);
                        if (status != 200 || wrong) {
                            errors++;
                        }
                        if (wrong) {
                            wrongLength++;
                        }
                    }
                }
                send(ctx, viewer.next(target, status, body == null ? null : body.toByteArray()));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!closing && !stopping && measuring) {
                synchronized (this) {
                    errors++; // the server closed a keep-alive connection
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (measuring) {
                synchronized (this) {
                    errors++;
                }
            }
            closing = true;
            ctx.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
