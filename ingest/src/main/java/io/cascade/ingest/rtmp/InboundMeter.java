// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** First in every pipeline: counts the bytes received, handshake included. Shared. */
@ChannelHandler.Sharable
final class InboundMeter extends ChannelInboundHandlerAdapter {
    private final RtmpCounters counters;

    InboundMeter(RtmpCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            counters.bytesIn.add(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }
}
