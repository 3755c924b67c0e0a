// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Set Chunk Size (Adobe RTMP spec 1.0 §5.4.1, type 1): the largest chunk payload the sender
 * will use from now on. 31 bits, the top bit must be zero; the specification allows 1 to
 * 0x7FFFFFFF but sizes above 16777215 are pointless since no message is longer. The server
 * refuses sizes above its configured maximum ({@link RtmpServerConfig#maxChunkSize()}).
 *
 * @param size the new chunk size
 */
public record SetChunkSize(int size) implements RtmpPayload {
    /** The chunk size before any Set Chunk Size (§5.4.1). */
    public static final int DEFAULT = 128;

    /**
     * Reads and validates the body.
     *
     * @param max the largest size accepted
     */
    public static SetChunkSize decode(ByteBuf in, int max) {
        ControlFields.need(in, 4, "chunkSize");
        long size = in.readUnsignedInt();
        if ((size & 0x80000000L) != 0) {
            throw RtmpProtocolException.malformed("chunkSize", "top bit set: 0x" + Long.toHexString(size));
        }
        if (size == 0) {
            throw RtmpProtocolException.malformed("chunkSize", "0 (must be at least 1)");
        }
        if (size > max) {
            throw new RtmpProtocolException(CloseReason.CHUNK_SIZE_LIMIT, "chunkSize", size + " above the limit " + max);
        }
        return new SetChunkSize((int) size);
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.SET_CHUNK_SIZE;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(size);
    }
}
