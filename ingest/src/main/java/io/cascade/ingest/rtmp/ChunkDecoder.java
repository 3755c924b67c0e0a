// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reassembles RTMP messages from chunks (Adobe RTMP spec 1.0 §5.3): reads the basic header
 * (§5.3.1.1), the message header of the chunk's type (§5.3.1.2), the extended timestamp
 * (§5.3.1.3), then up to one chunk size of payload, and keeps per chunk stream what later
 * headers may omit ({@link ChunkStreamState}). Set Chunk Size (§5.4.1) and Abort (§5.4.2)
 * change the decoding itself, so they are applied here, as soon as they complete, before the
 * next chunk is read; they are passed on as well.
 *
 * <p>A chunk is consumed only when it is complete, so state changes happen all at once and a
 * partial chunk stays in the input for the next call. Limits, each an
 * {@link RtmpProtocolException} with its {@link CloseReason}: a chunk stream must start with a
 * fmt 0 header and may not get a new header in the middle of a message; message length up to
 * {@code maxMessageSize}; at most {@code maxChunkStreams} distinct ids; Set Chunk Size from 1
 * to {@code maxChunkSize}; payload held for incomplete messages up to {@code maxPendingBytes}.
 * Message buffers grow with the bytes that arrive (never the declared length up front), so
 * memory follows what the client actually sent.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
final class ChunkDecoder {
    private static final int INITIAL_MESSAGE_CAPACITY = 4096;

    private final RtmpLimits limits;
    private final ByteBufAllocator alloc;
    private final Map<Integer, ChunkStreamState> streams = new HashMap<>();
    private int chunkSize = SetChunkSize.DEFAULT;
    private long pendingBytes;

    ChunkDecoder(RtmpLimits limits, ByteBufAllocator alloc) {
        this.limits = limits;
        this.alloc = alloc;
    }

    /** The chunk size in force for incoming chunks. */
    int chunkSize() {
        return chunkSize;
    }

    /** Payload bytes held in messages not yet complete. */
    long pendingBytes() {
        return pendingBytes;
    }

    /** Chunk stream ids seen so far. */
    int chunkStreams() {
        return streams.size();
    }

    /**
     * Consumes every complete chunk in {@code in} and hands each completed message to
     * {@code out}, which takes ownership of it. Stops at the first incomplete chunk, leaving it
     * unread.
     *
     * @throws RtmpProtocolException on a violation; the decoder is then unusable but must still
     *                               be {@link #release() released}
     */
    void decode(ByteBuf in, Consumer<RtmpMessage> out) {
        while (decodeChunk(in, out)) {
            // one chunk per iteration
        }
    }

    /** @return whether a chunk was consumed */
    private boolean decodeChunk(ByteBuf in, Consumer<RtmpMessage> out) {
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available < 1) {
            return false;
        }
        int basicLength = ChunkBasicHeader.length(in.getUnsignedByte(start));
        if (available < basicLength) {
            return false;
        }
        ChunkBasicHeader basic = ChunkBasicHeader.get(in, start);
        int fmt = basic.fmt();
        int headerLength = basicLength + ChunkMessageHeader.size(fmt);
        if (available < headerLength) {
            return false;
        }
        ChunkStreamState state = streams.get(basic.chunkStreamId());
        checkStart(basic, state);
        ChunkMessageHeader header = ChunkMessageHeader.get(fmt, in, start + basicLength);
        boolean extended = fmt < 3 ? header.timestamp() == ChunkMessageHeader.EXTENDED : state.extended;
        long extendedValue = 0;
        if (extended) {
            if (available < headerLength + 4) {
                return false;
            }
            extendedValue = in.getUnsignedInt(start + headerLength);
            headerLength += 4;
        }
        boolean continuation = state != null && state.partial != null;
        if (continuation && fmt != 3) {
            throw RtmpProtocolException.malformed("fmt", "type " + fmt + " header inside a message on chunk stream "
                    + basic.chunkStreamId());
        }
        int length = fmt <= 1 ? header.length() : state.length;
        if (!continuation && length > limits.maxMessageSize()) {
            throw new RtmpProtocolException(CloseReason.MESSAGE_SIZE_LIMIT, "messageLength",
                    length + " bytes above the limit " + limits.maxMessageSize());
        }
        int remaining = continuation ? state.length - state.partial.writerIndex() : length;
        int payload = Math.min(chunkSize, remaining);
        if (available < headerLength + payload) {
            return false;
        }
        // The chunk is complete: from here on, commit.
        if (state == null) {
            state = newStream(basic.chunkStreamId());
        }
        if (!continuation) {
            applyHeader(state, header, extended, extendedValue);
        }
        in.skipBytes(headerLength);
        append(state, in, payload, basic.chunkStreamId(), out);
        return true;
    }

    private void checkStart(ChunkBasicHeader basic, ChunkStreamState state) {
        if (state != null) {
            return;
        }
        if (basic.fmt() != 0) {
            throw RtmpProtocolException.malformed("fmt", "chunk stream " + basic.chunkStreamId()
                    + " starts with a type " + basic.fmt() + " header");
        }
        if (streams.size() >= limits.maxChunkStreams()) {
            throw new RtmpProtocolException(CloseReason.CHUNK_STREAM_LIMIT, "chunkStreamId",
                    "more than " + limits.maxChunkStreams() + " chunk streams");
        }
    }

    private ChunkStreamState newStream(int chunkStreamId) {
        ChunkStreamState state = new ChunkStreamState();
        streams.put(chunkStreamId, state);
        return state;
    }

    /** Header fields for a new message (§5.3.1.2.1-4); timestamps wrap at 2^32. */
    private static void applyHeader(ChunkStreamState state, ChunkMessageHeader header, boolean extended,
            long extendedValue) {
        long field = extended ? extendedValue : header.timestamp();
        switch (header.fmt()) {
            case 0 -> {
                state.timestamp = field;
                state.delta = field;
                state.length = header.length();
                state.typeId = header.typeId();
                state.streamId = header.streamId();
            }
            case 1 -> {
                state.delta = field;
                state.timestamp = (state.timestamp + field) & 0xFFFFFFFFL;
                state.length = header.length();
                state.typeId = header.typeId();
            }
            case 2 -> {
                state.delta = field;
                state.timestamp = (state.timestamp + field) & 0xFFFFFFFFL;
            }
            default -> {
                // A fmt 3 header starting a message repeats the delta; with an extended field,
                // that field carries it (as FFmpeg writes it).
                if (extended) {
                    state.delta = extendedValue;
                }
                state.timestamp = (state.timestamp + state.delta) & 0xFFFFFFFFL;
            }
        }
        if (header.fmt() < 3) {
            state.extended = extended;
        }
    }

    private void append(ChunkStreamState state, ByteBuf in, int payload, int chunkStreamId,
            Consumer<RtmpMessage> out) {
        if (state.partial == null) {
            if (state.length == 0) {
                emit(new RtmpMessage(chunkStreamId, state.typeId, state.streamId, state.timestamp,
                        Unpooled.EMPTY_BUFFER), out);
                return;
            }
            state.partial = alloc.buffer(Math.min(state.length, INITIAL_MESSAGE_CAPACITY), state.length);
        }
        if (pendingBytes + payload > limits.maxPendingBytes()) {
            throw new RtmpProtocolException(CloseReason.PENDING_BYTES_LIMIT, "messageLength",
                    "incomplete messages above " + limits.maxPendingBytes() + " bytes");
        }
        state.partial.writeBytes(in, payload);
        pendingBytes += payload;
        if (state.partial.writerIndex() == state.length) {
            ByteBuf body = state.partial;
            state.partial = null;
            pendingBytes -= state.length;
            emit(new RtmpMessage(chunkStreamId, state.typeId, state.streamId, state.timestamp, body), out);
        }
    }

    private void emit(RtmpMessage message, Consumer<RtmpMessage> out) {
        try {
            applyControl(message);
        } catch (RuntimeException e) {
            message.release();
            throw e;
        }
        out.accept(message);
    }

    /** Set Chunk Size and Abort act on the decoder itself (§5.4.1, §5.4.2). */
    private void applyControl(RtmpMessage message) {
        if (message.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id()) {
            ByteBuf body = message.payload();
            chunkSize = SetChunkSize.decode(body.duplicate(), limits.maxChunkSize()).size();
        } else if (message.typeId() == RtmpMessageType.ABORT.id()) {
            long id = AbortMessage.decode(message.payload().duplicate()).chunkStreamId();
            ChunkStreamState target = id <= ChunkBasicHeader.MAX_ID ? streams.get((int) id) : null;
            if (target != null) {
                pendingBytes -= target.abort();
            }
        }
    }

    /** Releases every partly reassembled message. Idempotent. */
    void release() {
        for (ChunkStreamState state : streams.values()) {
            state.abort();
        }
        pendingBytes = 0;
    }
}
