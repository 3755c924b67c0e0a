// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.amf.Amf0Value;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A server pipeline on an {@link EmbeddedChannel}, with a scripted client: writes the client's
 * handshake and chunked messages in, decodes what the server writes out. Single-threaded and
 * deterministic; time moves only with {@link #advanceMillis}.
 */
final class EmbeddedRtmp implements AutoCloseable {
    final RtmpServerContext server;
    final EmbeddedChannel channel;
    private final ChunkEncoder clientEncoder = new ChunkEncoder();
    private final ByteBuf fromServer = Unpooled.buffer();
    private final ChunkDecoder clientDecoder = new ChunkDecoder(new RtmpLimits(65536, (1 << 24) - 1, 1 << 25, 64),
            PooledByteBufAllocator.DEFAULT);
    private boolean handshakeRead;

    EmbeddedRtmp(RtmpServerConfig config, RtmpPublishHandler handler) {
        this(RtmpServerContext.of(config, handler, new HandshakeResponder(new Random(3), () -> 0)));
    }

    /** A connection to a server shared with other embedded connections. */
    EmbeddedRtmp(RtmpServerContext server) {
        this.server = server;
        // The initializer must be in place before the channel registers, so channelActive reaches
        // the handshake handler (which admits the connection and arms the handshake timeout).
        channel = new EmbeddedChannel(new RtmpChannelInitializer(server,
                new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE)));
        channel.freezeTime();
    }

    EmbeddedRtmp(RtmpPublishHandler handler) {
        this(RtmpServerConfig.defaults(), handler);
    }

    /** Writes raw bytes from the client. */
    EmbeddedRtmp write(byte[] bytes) {
        if (channel.isOpen()) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        return this;
    }

    /** C0 + C1 (a simple client), then C2. */
    EmbeddedRtmp handshake() {
        byte[] c0c1 = new byte[1537];
        c0c1[0] = 3;
        write(c0c1);
        return write(new byte[1536]);
    }

    /** Sends {@code payload} as the client would. */
    EmbeddedRtmp send(int csid, int streamId, long timestamp, RtmpPayload payload) {
        ByteBuf body = Unpooled.buffer();
        payload.encode(body);
        return sendRaw(csid, payload.type().id(), streamId, timestamp, ByteBufUtil.getBytes(body));
    }

    EmbeddedRtmp sendRaw(int csid, int typeId, int streamId, long timestamp, byte[] body) {
        ByteBuf out = Unpooled.buffer();
        clientEncoder.encode(new RtmpMessage(csid, typeId, streamId, timestamp, Unpooled.wrappedBuffer(body)), out);
        return write(ByteBufUtil.getBytes(out));
    }

    EmbeddedRtmp command(int streamId, String name, double transaction, Amf0Value object, Amf0Value... args) {
        return send(streamId == 0 ? 3 : 8, streamId, 0, new CommandMessage(name, transaction, object, List.of(args)));
    }

    EmbeddedRtmp connect(String app) {
        return command(0, "connect", 1, Amf0Object.builder().put("app", app).put("type", "nonprivate").build());
    }

    /** connect, createStream (stream 1), publish KEY. */
    EmbeddedRtmp publish(String app, String key) {
        return handshake().connect(app).command(0, "createStream", 2, Amf0Null.INSTANCE)
                .command(1, "publish", 3, Amf0Null.INSTANCE, new Amf0String(key), new Amf0String("live"));
    }

    EmbeddedRtmp video(long timestamp, byte[] tag) {
        return sendRaw(6, RtmpMessageType.VIDEO.id(), 1, timestamp, tag);
    }

    EmbeddedRtmp audio(long timestamp, byte[] tag) {
        return sendRaw(4, RtmpMessageType.AUDIO.id(), 1, timestamp, tag);
    }

    EmbeddedRtmp advanceMillis(long millis) {
        channel.advanceTimeBy(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        return this;
    }

    /** The S0+S1+S2 bytes the server sent (after a handshake). */
    byte[] serverHandshake() {
        drain();
        return Arrays.copyOf(ByteBufUtil.getBytes(fromServer, 0, Math.min(3073, fromServer.writerIndex())), 3073);
    }

    /** Every message the server has sent since the handshake, decoded (chunk size changes followed). */
    List<Messages.Copy> received() {
        drain();
        if (!handshakeRead) {
            if (fromServer.readableBytes() < 3073) {
                return List.of();
            }
            fromServer.skipBytes(3073);
            handshakeRead = true;
        }
        List<Messages.Copy> out = new ArrayList<>();
        clientDecoder.decode(fromServer, m -> {
            out.add(Messages.Copy.of(m));
            m.release();
        });
        return out;
    }

    /** The commands among {@link #received()}. */
    static List<CommandMessage> commands(List<Messages.Copy> messages) {
        return messages.stream().filter(m -> m.typeId() == 20)
                .map(m -> CommandMessage.decode(Unpooled.wrappedBuffer(m.bytes()), false)).toList();
    }

    private void drain() {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) out;
            fromServer.writeBytes(buf);
            buf.release();
        }
    }

    RtmpStats stats() {
        return server.counters().snapshot();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        drain();
        clientDecoder.release();
    }
}
