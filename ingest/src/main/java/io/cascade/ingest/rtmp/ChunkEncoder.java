// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits messages into chunks (Adobe RTMP spec 1.0 §5.3), choosing the smallest header that
 * the previous message on the same chunk stream allows (§5.3.1.2): fmt 0 for the first message,
 * another message stream or a timestamp that goes back; fmt 1 when the length or type changes;
 * fmt 2 when only the delta changes; fmt 3 when nothing does; fmt 3 for every continuation
 * chunk. The extended timestamp (§5.3.1.3) is repeated on fmt 3 chunks whenever the last full
 * header used it, which is what {@link ChunkDecoder} expects. Not thread-safe.
 */
final class ChunkEncoder {
    private final Map<Integer, Sent> last = new HashMap<>();
    private int chunkSize = SetChunkSize.DEFAULT;

    /** What a chunk stream's last message header established. */
    private record Sent(long timestamp, long delta, int length, int typeId, int streamId, boolean extended) {
    }

    /** Uses {@code size} for chunks encoded from now on (after sending a Set Chunk Size). */
    void chunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        this.chunkSize = size;
    }

    int chunkSize() {
        return chunkSize;
    }

    /**
     * Writes {@code message} as chunks to {@code out}. The message's payload is read, not
     * released; its reader index is left unchanged.
     */
    void encode(RtmpMessage message, ByteBuf out) {
        ByteBuf payload = message.payload();
        int length = payload.readableBytes();
        if (length > 0xFFFFFF) {
            throw new IllegalArgumentException("message longer than 16777215 bytes: " + length);
        }
        int csid = message.chunkStreamId();
        Sent previous = last.get(csid);
        long timestamp = message.timestamp() & 0xFFFFFFFFL;
        ChunkMessageHeader header = header(previous, message, length, timestamp);
        boolean extended = header.fmt() < 3 ? header.extended() : previous.extended();
        long delta = header.fmt() == 3 ? previous.delta() : header.timestamp();
        last.put(csid, new Sent(timestamp, delta, length, message.typeId(), message.streamId(), extended));

        new ChunkBasicHeader(header.fmt(), csid).encode(out);
        header.encode(out);
        if (header.fmt() == 3 && extended) {
            out.writeInt((int) delta);
        }
        int index = payload.readerIndex();
        int first = Math.min(chunkSize, length);
        out.writeBytes(payload, index, first);
        ChunkBasicHeader continuation = new ChunkBasicHeader(3, csid);
        for (int written = first; written < length; written += chunkSize) {
            continuation.encode(out);
            if (extended) {
                out.writeInt((int) delta);
            }
            out.writeBytes(payload, index + written, Math.min(chunkSize, length - written));
        }
    }

    private static ChunkMessageHeader header(Sent previous, RtmpMessage message, int length, long timestamp) {
        if (previous == null || previous.streamId() != message.streamId() || timestamp < previous.timestamp()) {
            return new ChunkMessageHeader(0, timestamp, length, message.typeId(), message.streamId());
        }
        long delta = timestamp - previous.timestamp();
        if (previous.length() != length || previous.typeId() != message.typeId()) {
            return new ChunkMessageHeader(1, delta, length, message.typeId(), 0);
        }
        if (delta != previous.delta()) {
            return new ChunkMessageHeader(2, delta, 0, 0, 0);
        }
        return new ChunkMessageHeader(3, 0, 0, 0, 0);
    }
}
