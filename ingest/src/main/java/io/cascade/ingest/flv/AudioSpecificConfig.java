// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

/**
 * The leading fields of an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), the body of an FLV
 * AAC sequence header:
 * <pre>
 *   audioObjectType 5 bits (31: escape, then 6 bits + 32)
 *   samplingFrequencyIndex 4 bits (15: escape, then samplingFrequency 24 bits)
 *   channelConfiguration 4 bits
 *   ... object-type specific config (GASpecificConfig for AAC), not parsed
 * </pre>
 * Explicit SBR/PS signalling (object types 5 and 29) is reported as that object type with the
 * core sampling frequency; the extension fields after it are not parsed. {@link #encode()}
 * writes the three fields and, for object types 1 to 4, a GASpecificConfig with its three
 * flags clear (1024-sample frames, no core coder, no extension), padded to a byte.
 *
 * @param audioObjectType        2 is AAC-LC, 5 SBR (HE-AAC), 29 PS (HE-AAC v2)
 * @param samplingFrequencyIndex index into Table 1.16, or 15 when the rate is explicit
 * @param samplingFrequency      the rate in Hz (from the table or explicit)
 * @param channelConfiguration   0 (defined in a PCE) to 15; 1 mono, 2 stereo
 */
public record AudioSpecificConfig(int audioObjectType, int samplingFrequencyIndex, int samplingFrequency,
        int channelConfiguration) {
    /** Table 1.16; indices 13 and 14 are reserved, 15 is the escape. */
    private static final int[] FREQUENCIES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};
    /** samplingFrequencyIndex meaning "explicit 24-bit frequency follows". */
    public static final int EXPLICIT_FREQUENCY = 15;
    private static final int ESCAPE_OBJECT_TYPE = 31;

    /** Parses the leading fields; trailing bytes are ignored. */
    public static AudioSpecificConfig decode(byte[] data) {
        RbspBitReader r = RbspBitReader.ofBits(data);
        int objectType = (int) r.bits(5, "audioObjectType");
        if (objectType == ESCAPE_OBJECT_TYPE) {
            objectType = 32 + (int) r.bits(6, "audioObjectTypeExt");
        }
        if (objectType == 0) {
            throw new FlvFormatException("audioObjectType", "0 is the null object type");
        }
        int index = (int) r.bits(4, "samplingFrequencyIndex");
        int frequency;
        if (index == EXPLICIT_FREQUENCY) {
            frequency = (int) r.bits(24, "samplingFrequency");
            if (frequency == 0) {
                throw new FlvFormatException("samplingFrequency", "0 Hz");
            }
        } else if (index < FREQUENCIES.length) {
            frequency = FREQUENCIES[index];
        } else {
            throw new FlvFormatException("samplingFrequencyIndex", "reserved index " + index);
        }
        int channels = (int) r.bits(4, "channelConfiguration");
        return new AudioSpecificConfig(objectType, index, frequency, channels);
    }

    /** The sampling frequency index of Table 1.16 for {@code hz}, or 15 when it has none. */
    public static int indexOf(int hz) {
        for (int i = 0; i < FREQUENCIES.length; i++) {
            if (FREQUENCIES[i] == hz) {
                return i;
            }
        }
        return EXPLICIT_FREQUENCY;
    }

    /** The bytes of this configuration (see the class comment for what is written). */
    public byte[] encode() {
        BitWriter w = new BitWriter();
        if (audioObjectType >= 32) {
            w.write(ESCAPE_OBJECT_TYPE, 5);
            w.write(audioObjectType - 32, 6);
        } else {
            w.write(audioObjectType, 5);
        }
        w.write(samplingFrequencyIndex, 4);
        if (samplingFrequencyIndex == EXPLICIT_FREQUENCY) {
            w.write(samplingFrequency, 24);
        }
        w.write(channelConfiguration, 4);
        if (audioObjectType >= 1 && audioObjectType <= 4) {
            w.write(0, 3); // frameLengthFlag, dependsOnCoreCoder, extensionFlag
        }
        return w.toByteArray();
    }

    /** MSB-first bit packing for {@link #encode()}. */
    private static final class BitWriter {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private int current;
        private int used;

        void write(long value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                current = current << 1 | (int) (value >>> i) & 1;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] toByteArray() {
            if (used > 0) {
                out.write(current << (8 - used));
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
