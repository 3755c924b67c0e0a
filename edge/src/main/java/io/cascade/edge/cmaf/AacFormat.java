// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * AAC described by its AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), carried in {@code esds}.
 * The timescale is the (core) sampling frequency; a frame holds 1024 samples, or 960 when the
 * GASpecificConfig's frameLengthFlag is set.
 *
 * @param audioSpecificConfig the raw config bytes, copied verbatim into the DecoderSpecificInfo
 * @param objectType audioObjectType (2 = AAC-LC, 5 = SBR, 29 = PS)
 * @param sampleRate samplingFrequency
 * @param channels channel count from channelConfiguration
 * @param frameLength samples per frame (1024 or 960)
 */
public record AacFormat(byte[] audioSpecificConfig, int objectType, int sampleRate, int channels, int frameLength)
        implements AudioFormat {
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8};

    /** Parses an AudioSpecificConfig; rejects what an {@code mp4a} sample entry cannot describe. */
    public static AacFormat parse(byte[] asc) {
        if (asc.length < 2) {
            throw new CmafFormatException("AudioSpecificConfig", "needs at least 2 bytes, got " + asc.length);
        }
        long bits = 0;
        for (int i = 0; i < Math.min(asc.length, 8); i++) {
            bits |= (asc[i] & 0xFFL) << (56 - 8 * i);
        }
        int used = 5;
        int objectType = (int) (bits >>> 59);
        if (objectType == 31) {
            objectType = 32 + (int) ((bits >>> 53) & 0x3F);
            used += 6;
        }
        int index = (int) ((bits >>> (60 - used)) & 0xF);
        used += 4;
        int rate;
        if (index == 15) {
            rate = (int) ((bits >>> (40 - used)) & 0xFFFFFF);
            used += 24;
        } else if (index < RATES.length) {
            rate = RATES[index];
        } else {
            throw new CmafFormatException("AudioSpecificConfig.samplingFrequencyIndex", "reserved value " + index);
        }
        int config = (int) ((bits >>> (60 - used)) & 0xF);
        used += 4;
        if (config == 0 || config >= CHANNELS.length) {
            throw new CmafFormatException("AudioSpecificConfig.channelConfiguration",
                    "value " + config + " (0 = program config element) is not supported");
        }
        if (rate <= 0 || rate > 0xFFFF) {
            throw new CmafFormatException("AudioSpecificConfig.samplingFrequency", rate + " Hz does not fit mp4a");
        }
        boolean shortFrames = isGeneralAudio(objectType) && ((bits >>> (63 - used)) & 1) == 1;
        return new AacFormat(asc.clone(), objectType, rate, CHANNELS[config], shortFrames ? 960 : 1024);
    }

    /** Builds the two-byte AudioSpecificConfig for plain AAC-LC. */
    public static AacFormat lc(int sampleRate, int channels) {
        int index = -1;
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == sampleRate) {
                index = i;
            }
        }
        if (index < 0 || channels < 1 || channels > 6) {
            throw new CmafFormatException("aac", sampleRate + " Hz / " + channels + " channels");
        }
        int v = (2 << 11) | (index << 7) | (channels << 3);
        return parse(new byte[] {(byte) (v >>> 8), (byte) v});
    }

    private static boolean isGeneralAudio(int aot) {
        return aot == 1 || aot == 2 || aot == 3 || aot == 4 || aot == 6 || aot == 7 || aot == 17
                || (aot >= 19 && aot <= 23);
    }

    @Override
    public int timescale() {
        return sampleRate;
    }

    /** RFC 6381 §3.3: {@code mp4a.40.<audioObjectType>}. */
    @Override
    public String codecs() {
        return "mp4a.40." + objectType;
    }

    @Override
    public int frameDuration(byte[] frame) {
        return frameLength;
    }
}
