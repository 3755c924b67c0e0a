// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Runs the {@link ChunkDecoder} over the bytes after the handshake and passes the messages on.
 * Counts bytes for acknowledgements (§5.4.3) as they arrive, and holds the connection to
 * {@code maxPendingBytes}: the unread input (at most one incomplete chunk) plus the payload of
 * incomplete messages. A violation closes the connection with its reason and discards the rest
 * of the input; the decoder's buffers are released when the handler goes.
 */
final class ChunkDecodeHandler extends ByteToMessageDecoder {
    private final RtmpConnection connection;
    private final ChunkDecoder decoder;

    ChunkDecodeHandler(RtmpConnection connection, ChunkDecoder decoder) {
        this.connection = connection;
        this.decoder = decoder;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes && !connection.isClosing()) {
            connection.received(bytes.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (connection.isClosing()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decoder.decode(in, out::add);
            long pending = in.readableBytes() + decoder.pendingBytes();
            int max = connection.server().limits().maxPendingBytes();
            if (pending > max) {
                throw new RtmpProtocolException(CloseReason.PENDING_BYTES_LIMIT, "pendingBytes",
                        pending + " bytes buffered, limit " + max);
            }
        } catch (RtmpProtocolException e) {
            in.skipBytes(in.readableBytes());
            connection.close(e.reason(), e.getMessage());
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        decoder.release();
    }
}
