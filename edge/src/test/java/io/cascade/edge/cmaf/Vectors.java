// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * Codec configurations captured from real encoders (FFmpeg 5.1 with libx264 and the native AAC
 * encoder, `ffprobe -show_data` of the MP4 extradata), for tests that need real bytes.
 */
public final class Vectors {
    /** libx264 Main profile level 3.0, 640x360: avcC from an MP4 (1 SPS of 24 bytes, 1 PPS of 4). */
    public static final byte[] AVCC_MAIN_640X360 = Boxes.hex(
            "014d401e ffe1 0018 674d401eeca05017fcb80880000003008000001e078b16cb 01 0004 68ce0fc8");
    /** libx264 High profile level 1.3, 320x180: avcC with the chroma/bit-depth extension fd f8 f8 00. */
    public static final byte[] AVCC_HIGH_320X180 = Boxes.hex(
            "0164000d ffe1 0018 6764000dacb202833f3e0220000003002000000781e28549 01 0006 68ebc3cb22c0 fdf8f800");
    /** AudioSpecificConfig: AAC-LC (2), 48 kHz (index 3), stereo (2): 00010 0011 0010 000. */
    public static final byte[] ASC_LC_48K_STEREO = Boxes.hex("1190");
    /** FFmpeg's mono 48 kHz AAC-LC config, followed by an SBR sync extension (0x2b7) it writes. */
    public static final byte[] ASC_LC_48K_MONO_SYNC_EXT = Boxes.hex("118856e500");
    /** libopus OpusHead: version 1, 2 channels, pre-skip 312, 48000 Hz, gain 0, family 0. */
    public static final byte[] OPUS_HEAD_STEREO = Boxes.hex("4f707573486561640102380180bb0000000000");

    private Vectors() {
    }

    public static AvcDecoderConfig main640x360() {
        return AvcDecoderConfig.parse(AVCC_MAIN_640X360);
    }

    public static VideoTrack video640x360() {
        return new VideoTrack(main640x360(), 640, 360, 30);
    }
}
