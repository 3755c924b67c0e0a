// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a TCP or TLS byte stream into whole messages (RFC 8656 §12.5, RFC 8489 §6.2.2): a first
 * byte of 0-3 (RFC 7983) and the magic cookie start a STUN message of 20 + Message Length bytes; 0x40-0x7F starts ChannelData
 * of 4 + Length bytes padded to a multiple of 4 ("over TCP and TLS-over-TCP, the ChannelData
 * message MUST be padded"). Each message goes up the pipeline as a retained slice.
 *
 * <p>Anything else (a TLS ClientHello on the plain port, say), or a STUN length that is not a
 * multiple of 4, is a protocol violation on a
 * stream whose framing is now lost: the connection is closed and counted. A message is at most
 * 64 KiB + header by construction, which bounds what a connection can make the server buffer.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {
    private final TurnCounters counters;

    StreamFrameDecoder(TurnCounters counters) {
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int at = in.readerIndex();
            int first = in.getUnsignedByte(at);
            int length = in.getUnsignedShort(at + 2);
            int frame;
            if (first < 4) {
                if (in.readableBytes() < 8) {
                    return;
                }
                if ((length & 3) != 0 || in.getInt(at + 4) != StunHeader.MAGIC_COOKIE) {
                    violation(ctx, in);
                    return;
                }
                frame = 20 + length;
            } else if (ChannelFrame.isChannelData(first)) {
                frame = 4 + ((length + 3) & ~3);
            } else {
                violation(ctx, in);
                return;
            }
            if (in.readableBytes() < frame) {
                return;
            }
            out.add(in.readRetainedSlice(frame));
        }
    }

    private void violation(ChannelHandlerContext ctx, ByteBuf in) {
        counters.increment(TurnCounter.DROPPED_MALFORMED);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
