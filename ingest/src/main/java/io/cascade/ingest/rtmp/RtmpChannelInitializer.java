// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one connection, top to bottom:
 * <pre>
 *   InboundMeter        bytes in (counter)
 *   IdleStateHandler    idle timeout -> RtmpSessionHandler closes
 *   HandshakeHandler    C0/C1 -> S0/S1/S2, C2; removes itself
 *   ChunkDecodeHandler  chunks -> RtmpMessage, limits, acknowledgements
 *   RtmpSessionHandler  control, commands, media -> RtmpMediaSink; every close
 * </pre>
 */
final class RtmpChannelInitializer extends ChannelInitializer<Channel> {
    private final RtmpServerContext server;
    private final ChannelGroup channels;
    private final InboundMeter meter;

    RtmpChannelInitializer(RtmpServerContext server, ChannelGroup channels) {
        this.server = server;
        this.channels = channels;
        this.meter = new InboundMeter(server.counters());
    }

    @Override
    protected void initChannel(Channel channel) {
        RtmpConnection connection = new RtmpConnection(server, channel);
        channel.attr(RtmpConnection.KEY).set(connection);
        long idleMillis = server.config().idleTimeout().toMillis();
        channel.pipeline()
                .addLast("meter", meter)
                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("handshake", new HandshakeHandler(connection))
                .addLast("chunks", new ChunkDecodeHandler(connection, new ChunkDecoder(server.limits(), channel.alloc())))
                .addLast("session", new RtmpSessionHandler(connection));
        channels.add(channel);
    }
}
