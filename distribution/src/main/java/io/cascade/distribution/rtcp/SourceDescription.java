// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Source description, PT 202 (RFC 3550 §6.5): SC chunks, each naming one source.
 *
 * @param chunks 0..31 chunks
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 SDES chunks: " + chunks.size());
        }
    }

    /**
     * Decodes the body (the octets after the common header, padding removed).
     *
     * @throws RtcpFormatException {@code chunk} or {@code itemLength} when a chunk does not
     *     fit, {@code sourceCount} when octets are left after SC chunks
     */
    public static SourceDescription decode(int sourceCount, ByteBuf body) {
        List<SdesChunk> chunks = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            chunks.add(SdesChunk.decode(body));
        }
        if (body.isReadable()) {
            throw new RtcpFormatException("sourceCount",
                    body.readableBytes() + " octets left after " + sourceCount + " SDES chunks");
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int packetType() {
        return RtcpPacketType.SDES.code();
    }

    @Override
    public int countOrFormat() {
        return chunks.size();
    }

    @Override
    public int bodyLength() {
        int length = 0;
        for (SdesChunk chunk : chunks) {
            length += chunk.encodedLength();
        }
        return length;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        chunks.forEach(chunk -> chunk.encode(out));
    }
}
