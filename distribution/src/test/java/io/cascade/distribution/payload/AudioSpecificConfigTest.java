// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioSpecificConfigTest {

    @Test
    void aacLc44100StereoIs1210() {
        // 00010 (object type 2, AAC-LC) 0100 (index 4, 44100 Hz) 0010 (2 channels)
        // 0 (frameLengthFlag: 1024) 0 (dependsOnCoreCoder) 0 (extensionFlag): 0001 0010 0001 0000
        AudioSpecificConfig config = AudioSpecificConfig.decode(hex("1210"));
        assertThat(config).isEqualTo(AudioSpecificConfig.aacLc(44100, 2));
        assertThat(config.samplesPerFrame()).isEqualTo(1024);
        assertThat(config.encode()).isEqualTo(hex("1210"));
    }

    @Test
    void aacLc48000MonoIs1188() {
        // 00010 0011 (48000) 0001 (mono) 000
        assertThat(AudioSpecificConfig.decode(hex("1188"))).isEqualTo(AudioSpecificConfig.aacLc(48000, 1));
        assertThat(AudioSpecificConfig.aacLc(48000, 1).encode()).isEqualTo(hex("1188"));
    }

    @Test
    void rfc3640ExampleConfigFor48kHzSixChannels() {
        // RFC 3640 §3.3.6's AAC-hbr example uses config=11B0: 00010 0011 0110 (6 channels: 5.1) 000
        assertThat(AudioSpecificConfig.decode(hex("11b0"))).isEqualTo(AudioSpecificConfig.aacLc(48000, 6));
    }

    @Test
    void theConfigFfmpegWritesInAdtsMatches() {
        // The ADTS header of the test stream: ff f1 50 80: profile 01 (AAC-LC), index 0100, channels 010
        byte[] adts = PayloadVectors.resource(PayloadVectors.AAC_STREAM);
        int objectType = ((adts[2] & 0xFF) >>> 6) + 1;
        int index = (adts[2] >>> 2) & 0x0F;
        int channels = (adts[2] & 0x01) << 2 | (adts[3] & 0xFF) >>> 6;
        assertThat(new int[] {objectType, index, channels}).containsExactly(2, 4, 2);
        assertThat(AudioSpecificConfig.aacLc(44100, 2).encode()).isEqualTo(hex("1210"));
    }

    @Test
    void explicitHeAacSignallingNamesCoreAndExtension() {
        // 00101 (SBR) 0110 (24000 core) 0010 (stereo) 0011 (48000 output) 00010 (core AAC-LC) 000
        byte[] config = new BitWriter().writeBits(5, 5).writeBits(6, 4).writeBits(2, 4).writeBits(3, 4)
                .writeBits(2, 5).writeBits(0, 3).toByteArray();
        AudioSpecificConfig he = AudioSpecificConfig.decode(config);
        assertThat(he).isEqualTo(new AudioSpecificConfig(2, 24000, 2, false, AudioSpecificConfig.SBR, 48000));
        assertThat(he.encode()).isEqualTo(config);
    }

    @Test
    void escapedObjectTypesAndExplicitFrequencies() {
        // object type 42 (31, then 42 - 32 = 10 in 6 bits), index 15 with 24-bit 50000 Hz, 1 channel
        AudioSpecificConfig odd = new AudioSpecificConfig(42, 50000, 1, false, 0, 0);
        assertThat(AudioSpecificConfig.decode(odd.encode())).isEqualTo(odd);
        assertThat(odd.encode()[0] & 0xFF).isEqualTo(0xF9); // 11111 001(010)
        assertThat(AudioSpecificConfig.frequencyIndex(50000)).isEqualTo(15);
    }

    @Test
    void nineHundredSixtySampleFrames() {
        AudioSpecificConfig config = new AudioSpecificConfig(2, 48000, 2, true, 0, 0);
        assertThat(config.encode()).isEqualTo(hex("1194"));
        assertThat(AudioSpecificConfig.decode(hex("1194")).samplesPerFrame()).isEqualTo(960);
    }

    @Test
    void errorsNameTheField() {
        assertField(new byte[0], "audioObjectType");
        assertField(hex("00"), "audioObjectType"); // the null object
        assertField(hex("17"), "samplingFrequencyIndex"); // 00010 111(0): cut inside the index
        assertField(hex("16 80".replace(" ", "")), "samplingFrequencyIndex"); // index 13, reserved
        assertField(hex("1780000000"), "samplingFrequency"); // index 15, then 0 Hz
        assertField(hex("2b"), "samplingFrequencyIndex"); // SBR, then cut
    }

    private static void assertField(byte[] config, String field) {
        assertThatThrownBy(() -> AudioSpecificConfig.decode(config))
                .isInstanceOfSatisfying(PayloadFormatException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
