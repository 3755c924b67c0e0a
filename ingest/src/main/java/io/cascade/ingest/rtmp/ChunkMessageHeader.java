// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;

/**
 * Chunk message header (Adobe RTMP spec 1.0 §5.3.1.2) with its extended timestamp (§5.3.1.3):
 * <pre>
 *   fmt 0 (11 bytes): timestamp(3) | message length(3) | type id(1) | stream id(4, little-endian)
 *   fmt 1 (7 bytes):  timestamp delta(3) | message length(3) | type id(1)
 *   fmt 2 (3 bytes):  timestamp delta(3)
 *   fmt 3 (0 bytes):  nothing; everything comes from the previous header on the chunk stream
 *   extended timestamp (4 bytes) follows when the 3-byte field holds 0xFFFFFF
 * </pre>
 * For fmt 3 the extended field is present when the chunk stream's last fmt 0-2 header had one
 * (§5.3.1.3); {@link ChunkDecoder} tracks that, so this record covers fmt 0 to 2 and fmt 3
 * only as an empty header.
 *
 * @param fmt       0 to 3
 * @param timestamp for fmt 0 the absolute timestamp, for fmt 1 and 2 the delta; unsigned 32-bit
 * @param length    message length, 24-bit (fmt 0 and 1)
 * @param typeId    message type id (fmt 0 and 1)
 * @param streamId  message stream id (fmt 0)
 */
public record ChunkMessageHeader(int fmt, long timestamp, int length, int typeId, int streamId) {
    /** The 3-byte field value that announces an extended timestamp. */
    public static final int EXTENDED = 0xFFFFFF;
    private static final int[] SIZES = {11, 7, 3, 0};

    /** Bytes of the header for {@code fmt}, without the extended timestamp. */
    public static int size(int fmt) {
        return SIZES[fmt];
    }

    /** Whether the timestamp needs the extended field. */
    public boolean extended() {
        return fmt < 3 && timestamp >= EXTENDED;
    }

    /**
     * Reads the fixed part at {@code index} without moving the reader index; the caller has
     * checked that {@link #size(int)} bytes are there. A timestamp of {@link #EXTENDED} means
     * the extended field follows and must be read separately.
     */
    public static ChunkMessageHeader get(int fmt, ByteBuf in, int index) {
        return switch (fmt) {
            case 0 -> new ChunkMessageHeader(0, in.getUnsignedMedium(index), in.getUnsignedMedium(index + 3),
                    in.getUnsignedByte(index + 6), in.getIntLE(index + 7));
            case 1 -> new ChunkMessageHeader(1, in.getUnsignedMedium(index), in.getUnsignedMedium(index + 3),
                    in.getUnsignedByte(index + 6), 0);
            case 2 -> new ChunkMessageHeader(2, in.getUnsignedMedium(index), 0, 0, 0);
            default -> new ChunkMessageHeader(3, 0, 0, 0, 0);
        };
    }

    /** Writes the header and, when needed, the extended timestamp. */
    public void encode(ByteBuf out) {
        if (fmt == 3) {
            return;
        }
        out.writeMedium(extended() ? EXTENDED : (int) timestamp);
        if (fmt <= 1) {
            out.writeMedium(length);
            out.writeByte(typeId);
        }
        if (fmt == 0) {
            out.writeIntLE(streamId);
        }
        if (extended()) {
            out.writeInt((int) timestamp);
        }
    }
}
