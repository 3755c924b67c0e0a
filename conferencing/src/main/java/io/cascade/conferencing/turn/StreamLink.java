// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;

/**
 * A TCP or TLS client connection: the 5-tuple of its allocation (RFC 8656 §3.1), and the last
 * handler of its pipeline, after {@link StreamFrameDecoder}. Messages go to the connection loop's
 * {@link TurnShard}; closing the connection deletes the allocation.
 *
 * <p>Back-pressure: a client that does not read makes its channel unwritable (write-buffer water
 * mark); then relayed datagrams for it are dropped and counted instead of piling up in memory.
 */
final class StreamLink extends ChannelInboundHandlerAdapter implements ClientLink {
    private final ClientTransport transport;
    private final TurnCounters counters;
    private final TurnShard shard;
    private Channel channel;
    private InetSocketAddress client;

    StreamLink(ClientTransport transport, TurnShard shard, TurnCounters counters) {
        this.transport = transport;
        this.shard = shard;
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        client = (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf frame) {
                shard.onStream(frame, this);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        shard.linkClosed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS handshake failures, resets: the connection is over either way.
        counters.increment(TurnCounter.DROPPED_MALFORMED);
        ctx.close();
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public ClientTransport transport() {
        return transport;
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void send(ByteBuf message) {
        if (!channel.isWritable()) {
            message.release();
            counters.increment(TurnCounter.DROPPED_CLIENT_BACKPRESSURE);
            return;
        }
        channel.write(message, channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public Object allocationKey() {
        return this;
    }
}
