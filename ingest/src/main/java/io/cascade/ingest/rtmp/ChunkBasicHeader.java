// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Chunk basic header (Adobe RTMP spec 1.0 §5.3.1.1): the 2-bit chunk type (fmt) and the chunk
 * stream id in one, two or three bytes.
 * <pre>
 *   1 byte:  fmt(2) | csid(6)                    csid 2..63
 *   2 bytes: fmt(2) | 0(6) | csid-64(8)          csid 64..319
 *   3 bytes: fmt(2) | 1(6) | (csid-64) LE(16)    csid 64..65599
 * </pre>
 * Ids 0 and 1 in the first byte are the escapes; 2 is the lowest id, reserved for protocol
 * control messages. Encoding uses the shortest form; decoding accepts any.
 *
 * @param fmt           the chunk type, 0 to 3 (which {@link ChunkMessageHeader} follows)
 * @param chunkStreamId the chunk stream id, 2 to 65599
 */
public record ChunkBasicHeader(int fmt, int chunkStreamId) {
    /** The lowest chunk stream id. */
    public static final int MIN_ID = 2;
    /** The highest chunk stream id (three-byte form). */
    public static final int MAX_ID = 65599;

    public ChunkBasicHeader {
        if (fmt < 0 || fmt > 3) {
            throw new IllegalArgumentException("fmt out of range: " + fmt);
        }
        if (chunkStreamId < MIN_ID || chunkStreamId > MAX_ID) {
            throw new IllegalArgumentException("chunk stream id out of range: " + chunkStreamId);
        }
    }

    /** The header's length given its first byte: 1, 2 or 3. */
    public static int length(int firstByte) {
        return switch (firstByte & 0x3F) {
            case 0 -> 2;
            case 1 -> 3;
            default -> 1;
        };
    }

    /**
     * Reads the header at {@code index} without moving the reader index; the caller has
     * checked that {@link #length(int)} bytes are there.
     */
    public static ChunkBasicHeader get(ByteBuf in, int index) {
        int first = in.getUnsignedByte(index);
        int fmt = first >>> 6;
        return switch (first & 0x3F) {
            case 0 -> new ChunkBasicHeader(fmt, 64 + in.getUnsignedByte(index + 1));
            case 1 -> new ChunkBasicHeader(fmt, 64 + in.getUnsignedByte(index + 1) + 256 * in.getUnsignedByte(index + 2));
            default -> new ChunkBasicHeader(fmt, first & 0x3F);
        };
    }

    /** Writes the shortest form. */
    public void encode(ByteBuf out) {
        if (chunkStreamId < 64) {
            out.writeByte(fmt << 6 | chunkStreamId);
        } else if (chunkStreamId < 320) {
            out.writeByte(fmt << 6);
            out.writeByte(chunkStreamId - 64);
        } else {
            out.writeByte(fmt << 6 | 1);
            out.writeShortLE(chunkStreamId - 64);
        }
    }
}
