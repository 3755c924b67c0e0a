// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * Opus as carried in ISO BMFF ("Encapsulation of Opus in ISO Base Media File Format" §4): an
 * {@code Opus} sample entry with a {@code dOps} box whose fields mirror the Ogg identification
 * header (RFC 7845 §5.1), big-endian. The timescale is always 48 kHz.
 *
 * @param channels OutputChannelCount
 * @param preSkip samples (48 kHz) to drop at the start
 * @param inputSampleRate the original input rate, informational
 * @param outputGain Q7.8 dB gain
 * @param mappingFamily ChannelMappingFamily (0: mono/stereo, no table)
 * @param streamCount StreamCount (family != 0)
 * @param coupledCount CoupledCount (family != 0)
 * @param channelMapping ChannelMapping, {@code channels} bytes (family != 0), else empty
 */
public record OpusFormat(int channels, int preSkip, long inputSampleRate, int outputGain, int mappingFamily,
        int streamCount, int coupledCount, byte[] channelMapping) implements AudioFormat {
    public static final int TIMESCALE = 48_000;

    public OpusFormat {
        if (channels < 1 || channels > 255 || (mappingFamily == 0 && channels > 2)) {
            throw new CmafFormatException("opus.channels", channels + " with mapping family " + mappingFamily);
        }
        if (preSkip < 0 || preSkip > 0xFFFF) {
            throw new CmafFormatException("opus.preSkip", String.valueOf(preSkip));
        }
        if (mappingFamily != 0 && channelMapping.length != channels) {
            throw new CmafFormatException("opus.channelMapping", "needs one entry per channel");
        }
    }

    /** Mono or stereo Opus (mapping family 0), the WebRTC case. */
    public static OpusFormat of(int channels, int preSkip) {
        return new OpusFormat(channels, preSkip, TIMESCALE, 0, 0, 0, 0, new byte[0]);
    }

    /** Reads the Ogg "OpusHead" identification header (RFC 7845 §5.1, little-endian). */
    public static OpusFormat fromIdHeader(byte[] head) {
        boolean magic = head.length >= 19
                && new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("OpusHead");
        if (!magic) {
            throw new CmafFormatException("OpusHead", "not an Opus identification header");
        }
        int channels = head[9] & 0xFF;
        int preSkip = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
        long rate = (head[12] & 0xFFL) | (head[13] & 0xFFL) << 8 | (head[14] & 0xFFL) << 16 | (head[15] & 0xFFL) << 24;
        int gain = (short) ((head[16] & 0xFF) | (head[17] & 0xFF) << 8);
        int family = head[18] & 0xFF;
        if (family == 0) {
            return new OpusFormat(channels, preSkip, rate, gain, 0, 0, 0, new byte[0]);
        }
        if (head.length < 21 + channels) {
            throw new CmafFormatException("OpusHead.channelMapping", "truncated");
        }
        return new OpusFormat(channels, preSkip, rate, gain, family, head[19] & 0xFF, head[20] & 0xFF,
                java.util.Arrays.copyOfRange(head, 21, 21 + channels));
    }

    @Override
    public int timescale() {
        return TIMESCALE;
    }

    /** The codec string HLS uses for Opus in fMP4. */
    @Override
    public String codecs() {
        return "opus";
    }

    /**
     * Packet duration from the TOC byte (RFC 6716 §3.1): the frame size of the configuration
     * times the frame count of the code; 20 ms for an empty or malformed packet.
     */
    @Override
    public int frameDuration(byte[] packet) {
        if (packet.length == 0) {
            return 960;
        }
        int config = (packet[0] & 0xFF) >>> 3;
        int frame;
        if (config < 12) {
            frame = new int[] {480, 960, 1920, 2880}[config & 3];          // SILK-only: 10/20/40/60 ms
        } else if (config < 16) {
            frame = (config & 1) == 0 ? 480 : 960;                        // Hybrid: 10/20 ms
        } else {
            frame = new int[] {120, 240, 480, 960}[config & 3];           // CELT-only: 2.5/5/10/20 ms
        }
        int code = packet[0] & 3;
        int frames = switch (code) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> packet.length > 1 ? Math.max(1, packet[1] & 0x3F) : 1;
        };
        return Math.min(frame * frames, 5760);                             // at most 120 ms
    }
}
