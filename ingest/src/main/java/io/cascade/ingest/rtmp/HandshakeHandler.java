// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the handshake (Adobe RTMP spec 1.0 §5.2.5): waits for C0 and C1, sends
 * S0, S1 and S2 together, waits for C2, then removes itself; bytes that came after C2 (FFmpeg
 * sends connect right behind it) go on to the chunk decoder. A C0 other than version 3 closes
 * the connection at once ({@link CloseReason#HANDSHAKE_INVALID}); so does a handshake that
 * is not done within the configured timeout. C2 is not checked: clients differ in what they
 * echo, and nothing the server does depends on it.
 */
final class HandshakeHandler extends ByteToMessageDecoder {
    private static final int C0_C1 = 1 + HandshakeResponder.PACKET;

    private final RtmpConnection connection;
    private boolean sentResponse;
    private ScheduledFuture<?> timeout;

    HandshakeHandler(RtmpConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (connection.admit()) {
            long millis = connection.server().config().handshakeTimeout().toMillis();
            timeout = ctx.executor().schedule(() -> connection.close(CloseReason.HANDSHAKE_TIMEOUT,
                    "no handshake within " + millis + " ms"), millis, TimeUnit.MILLISECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (connection.isClosing()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!sentResponse) {
            int version = in.getUnsignedByte(in.readerIndex());
            if (version != HandshakeResponder.VERSION) {
                in.skipBytes(in.readableBytes());
                connection.close(CloseReason.HANDSHAKE_INVALID, "C0 version " + version + ", not 3");
                return;
            }
            if (in.readableBytes() < C0_C1) {
                return;
            }
            in.skipBytes(1);
            byte[] c1 = new byte[HandshakeResponder.PACKET];
            in.readBytes(c1);
            byte[] response = connection.server().responder().respond(c1);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(response), ctx.voidPromise());
            sentResponse = true;
        }
        if (in.readableBytes() < HandshakeResponder.PACKET) {
            return;
        }
        in.skipBytes(HandshakeResponder.PACKET); // C2
        cancelTimeout();
        ctx.pipeline().remove(this);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelTimeout();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
