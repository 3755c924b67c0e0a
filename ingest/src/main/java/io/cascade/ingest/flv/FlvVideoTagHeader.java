// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import io.netty.buffer.ByteBuf;

/**
 * The header of a VIDEODATA tag body (FLV spec v10.1 §E.4.3.1):
 * <pre>
 *   FrameType UB[4] | CodecID UB[4]
 *   if CodecID == 7 (AVC): AVCPacketType UI8 | CompositionTime SI24 (milliseconds)
 * </pre>
 * {@link #decode} leaves the reader index at the data that follows. Enhanced RTMP sets the
 * top bit of the first byte (IsExHeader) and puts a FourCC after it; such a header decodes
 * with {@link #enhanced()} true and nothing past the first byte read.
 *
 * @param frameType         the frame type
 * @param codecId           CodecID (7 is AVC); 0 when {@code enhanced}
 * @param enhanced          whether IsExHeader was set (an Enhanced RTMP codec, not parsed)
 * @param avcPacketType     for AVC, the packet type; otherwise null
 * @param compositionTimeMs for AVC NAL units, the composition time offset (pts - dts); else 0
 */
public record FlvVideoTagHeader(VideoFrameType frameType, int codecId, boolean enhanced,
        AvcPacketType avcPacketType, int compositionTimeMs) {
    /** CodecID of H.264 (AVC). */
    public static final int CODEC_AVC = 7;
    private static final int EX_HEADER = 0x80;

    /** Whether this is an H.264 tag in the classic (non-enhanced) layout. */
    public boolean isAvc() {
        return !enhanced && codecId == CODEC_AVC;
    }

    /** Reads the header, leaving the reader index at the tag's data. */
    public static FlvVideoTagHeader decode(ByteBuf in) {
        if (!in.isReadable()) {
            throw new FlvFormatException("frameType", "empty video tag");
        }
        int first = in.readUnsignedByte();
        if ((first & EX_HEADER) != 0) {
            return new FlvVideoTagHeader(VideoFrameType.of((first >> 4) & 0x07), 0, true, null, 0);
        }
        VideoFrameType frameType = VideoFrameType.of(first >> 4);
        int codecId = first & 0x0F;
        if (codecId != CODEC_AVC) {
            return new FlvVideoTagHeader(frameType, codecId, false, null, 0);
        }
        if (in.readableBytes() < 4) {
            throw new FlvFormatException("avcPacketType", "AVC video tag shorter than 5 bytes");
        }
        AvcPacketType packetType = AvcPacketType.of(in.readUnsignedByte());
        int compositionTime = in.readMedium(); // SI24: readMedium sign-extends
        return new FlvVideoTagHeader(frameType, codecId, false, packetType, compositionTime);
    }

    /** Writes the header (classic layout only). */
    public void encode(ByteBuf out) {
        if (enhanced) {
            throw new IllegalStateException("enhanced headers are not encoded");
        }
        out.writeByte(frameType.code() << 4 | codecId);
        if (codecId == CODEC_AVC) {
            out.writeByte(avcPacketType.code());
            out.writeMedium(compositionTimeMs);
        }
    }
}
