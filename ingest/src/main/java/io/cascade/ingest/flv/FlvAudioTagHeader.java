// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import io.netty.buffer.ByteBuf;

/**
 * The header of an AUDIODATA tag body (FLV spec v10.1 §E.4.2.1):
 * <pre>
 *   SoundFormat UB[4] | SoundRate UB[2] | SoundSize UB[1] | SoundType UB[1]
 *   if SoundFormat == 10 (AAC): AACPacketType UI8
 * </pre>
 * For AAC the rate, size and type bits are fixed placeholders (3, 1, 1) and the real values
 * are in the AudioSpecificConfig. {@link #decode} leaves the reader index at the data.
 *
 * @param soundFormat   SoundFormat (10 is AAC; 9 marks an Enhanced RTMP header, not parsed)
 * @param soundRate     SoundRate code, 0 to 3 (5.5, 11, 22, 44 kHz)
 * @param soundSize     SoundSize, 0 for 8-bit, 1 for 16-bit samples
 * @param soundType     SoundType, 0 mono, 1 stereo
 * @param aacPacketType for AAC, the packet type; otherwise null
 */
public record FlvAudioTagHeader(int soundFormat, int soundRate, int soundSize, int soundType,
        AacPacketType aacPacketType) {
    /** SoundFormat of AAC. */
    public static final int FORMAT_AAC = 10;

    /** Whether this is an AAC tag. */
    public boolean isAac() {
        return soundFormat == FORMAT_AAC;
    }

    /** Reads the header, leaving the reader index at the tag's data. */
    public static FlvAudioTagHeader decode(ByteBuf in) {
        if (!in.isReadable()) {
            throw new FlvFormatException("soundFormat", "empty audio tag");
        }
        int first = in.readUnsignedByte();
        int format = first >> 4;
        AacPacketType packetType = null;
        if (format == FORMAT_AAC) {
            if (!in.isReadable()) {
                throw new FlvFormatException("aacPacketType", "AAC audio tag shorter than 2 bytes");
            }
            packetType = AacPacketType.of(in.readUnsignedByte());
        }
        return new FlvAudioTagHeader(format, (first >> 2) & 0x03, (first >> 1) & 0x01, first & 0x01, packetType);
    }

    /** Writes the header. */
    public void encode(ByteBuf out) {
        out.writeByte(soundFormat << 4 | (soundRate & 0x03) << 2 | (soundSize & 0x01) << 1 | (soundType & 0x01));
        if (soundFormat == FORMAT_AAC) {
            out.writeByte(aacPacketType.code());
        }
    }
}
