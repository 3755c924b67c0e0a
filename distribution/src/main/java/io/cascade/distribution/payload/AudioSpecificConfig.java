// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * The leading fields of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1, Table 1.15):
 * what the RTMP "AAC sequence header", the MP4 {@code esds} box and the RFC 3640 {@code config}
 * parameter carry to set up an AAC decoder.
 *
 * <pre>
 * audioObjectType              5 bits; 31 escapes to 32 + the next 6 bits (GetAudioObjectType)
 * samplingFrequencyIndex       4 bits; 15 means a 24-bit samplingFrequency follows
 * channelConfiguration         4 bits
 * if audioObjectType is 5 (SBR) or 29 (PS), explicit hierarchical signalling:
 *   extensionSamplingFrequencyIndex  4 bits (15: a 24-bit frequency follows)
 *   audioObjectType                  again: the core coder, e.g. 2 for HE-AAC
 * GASpecificConfig for the general-audio types: frameLengthFlag (1 bit), ...
 * </pre>
 *
 * <p>Design notes. Only these fields are interpreted; the rest of GASpecificConfig, program
 * config elements and backward-compatible extension signalling after it are not, so a config
 * should travel as the bytes the encoder gave ({@link AacFmtp} keeps them) and be parsed for its
 * values. {@link #encode()} writes the fields here and a GASpecificConfig of frameLengthFlag,
 * dependsOnCoreCoder = 0 and extensionFlag = 0 for the general-audio types, enough for AAC-LC
 * and HE-AAC.
 *
 * @param audioObjectType            the core object type, 1..95 but not 5, 29 or 31 (the escape);
 *                                   2 is AAC-LC
 * @param samplingFrequency          Hz, of the core coder
 * @param channelConfiguration       0..15 (0: defined in the stream; 1 mono, 2 stereo, ...)
 * @param frameLengthFlag            for general-audio types: 960-sample frames instead of 1024
 * @param extensionObjectType        0, or 5 (SBR) or 29 (SBR + PS) when signalled explicitly
 * @param extensionSamplingFrequency Hz of the SBR output, 0 without an extension
 */
public record AudioSpecificConfig(int audioObjectType, int samplingFrequency, int channelConfiguration,
        boolean frameLengthFlag, int extensionObjectType, int extensionSamplingFrequency) {

    /** Object type of AAC Low Complexity. */
    public static final int AAC_LC = 2;
    /** Object type of Spectral Band Replication (HE-AAC). */
    public static final int SBR = 5;
    /** Object type of Parametric Stereo (HE-AAC v2). */
    public static final int PS = 29;
    private static final int ESCAPE_OBJECT_TYPE = 31;
    private static final int EXPLICIT_FREQUENCY = 15;
    private static final int MAX_FREQUENCY = (1 << 24) - 1;

    /** Table 1.18: samplingFrequencyIndex 0..12; 13 and 14 are reserved. */
    private static final int[] FREQUENCIES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};

    public AudioSpecificConfig {
        if (audioObjectType < 1 || audioObjectType > 95 || audioObjectType == SBR || audioObjectType == PS
                || audioObjectType == ESCAPE_OBJECT_TYPE) {
            throw new IllegalArgumentException("core audio object type must be 1..95, not 5, 29 or 31: "
                    + audioObjectType);
        }
        checkFrequency(samplingFrequency);
        if (channelConfiguration < 0 || channelConfiguration > 15) {
            throw new IllegalArgumentException("channel configuration must be 0..15: " + channelConfiguration);
        }
        if (extensionObjectType == 0 ? extensionSamplingFrequency != 0
                : (extensionObjectType != SBR && extensionObjectType != PS)) {
            throw new IllegalArgumentException("extension must be none (0, frequency 0), SBR (5) or PS (29): "
                    + extensionObjectType + ", " + extensionSamplingFrequency);
        }
        if (extensionObjectType != 0) {
            checkFrequency(extensionSamplingFrequency);
        }
        frameLengthFlag &= isGeneralAudio(audioObjectType);
    }

    /** AAC-LC with 1024-sample frames, as FFmpeg, OBS and browsers' encoders write it. */
    public static AudioSpecificConfig aacLc(int samplingFrequency, int channelConfiguration) {
        return new AudioSpecificConfig(AAC_LC, samplingFrequency, channelConfiguration, false, 0, 0);
    }

    /**
     * Parses the leading fields; what follows them is not read.
     *
     * @throws PayloadFormatException naming the field that is cut off or invalid
     */
    public static AudioSpecificConfig decode(byte[] config) {
        BitReader r = new BitReader(config);
        int objectType = readObjectType(r);
        int frequency = readFrequency(r, "samplingFrequencyIndex");
        int channels = r.readBits(4, "channelConfiguration");
        int extension = 0;
        int extensionFrequency = 0;
        if (objectType == SBR || objectType == PS) {
            extension = objectType;
            extensionFrequency = readFrequency(r, "extensionSamplingFrequencyIndex");
            objectType = readObjectType(r);
            if (objectType == SBR || objectType == PS) {
                throw new PayloadFormatException("audioObjectType", "SBR or PS cannot be the core coder");
            }
            if (objectType == 22) {
                r.readBits(4, "extensionChannelConfiguration"); // ER BSAC only
            }
        }
        boolean frameLength = isGeneralAudio(objectType) && r.readFlag("frameLengthFlag");
        return new AudioSpecificConfig(objectType, frequency, channels, frameLength, extension, extensionFrequency);
    }

    /** Writes the fields (see the class notes), padded to whole octets. */
    public byte[] encode() {
        BitWriter w = new BitWriter();
        writeObjectType(w, extensionObjectType != 0 ? extensionObjectType : audioObjectType);
        writeFrequency(w, samplingFrequency);
        w.writeBits(channelConfiguration, 4);
        if (extensionObjectType != 0) {
            writeFrequency(w, extensionSamplingFrequency);
            writeObjectType(w, audioObjectType);
            if (audioObjectType == 22) {
                w.writeBits(0, 4);
            }
        }
        if (isGeneralAudio(audioObjectType)) {
            w.writeFlag(frameLengthFlag).writeFlag(false).writeFlag(false);
        }
        return w.toByteArray();
    }

    /** PCM samples per channel in one access unit of the core coder: 960 or 1024 for AAC. */
    public int samplesPerFrame() {
        return frameLengthFlag ? 960 : 1024;
    }

    /** samplingFrequencyIndex for a frequency in Table 1.18, or 15 (explicit) for any other. */
    public static int frequencyIndex(int frequency) {
        for (int i = 0; i < FREQUENCIES.length; i++) {
            if (FREQUENCIES[i] == frequency) {
                return i;
            }
        }
        return EXPLICIT_FREQUENCY;
    }

    /** The object types with a GASpecificConfig (Table 1.15). */
    private static boolean isGeneralAudio(int objectType) {
        return switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    private static int readObjectType(BitReader r) {
        int type = r.readBits(5, "audioObjectType");
        if (type == ESCAPE_OBJECT_TYPE) {
            type = 32 + r.readBits(6, "audioObjectTypeExt");
        }
        if (type == 0) {
            throw new PayloadFormatException("audioObjectType", "0 is the null object");
        }
        return type;
    }

    private static void writeObjectType(BitWriter w, int type) {
        if (type >= ESCAPE_OBJECT_TYPE) {
            w.writeBits(ESCAPE_OBJECT_TYPE, 5).writeBits(type - 32, 6);
        } else {
            w.writeBits(type, 5);
        }
    }

    private static int readFrequency(BitReader r, String indexField) {
        int index = r.readBits(4, indexField);
        if (index == EXPLICIT_FREQUENCY) {
            int frequency = r.readBits(24, indexField.replace("Index", ""));
            if (frequency == 0) {
                throw new PayloadFormatException(indexField.replace("Index", ""), "0 Hz");
            }
            return frequency;
        }
        if (index >= FREQUENCIES.length) {
            throw new PayloadFormatException(indexField, "reserved value " + index);
        }
        return FREQUENCIES[index];
    }

    private static void writeFrequency(BitWriter w, int frequency) {
        int index = frequencyIndex(frequency);
        w.writeBits(index, 4);
        if (index == EXPLICIT_FREQUENCY) {
            w.writeBits(frequency, 24);
        }
    }

    private static void checkFrequency(int frequency) {
        if (frequency < 1 || frequency > MAX_FREQUENCY) {
            throw new IllegalArgumentException("sampling frequency must be 1..2^24-1 Hz: " + frequency);
        }
    }
}
