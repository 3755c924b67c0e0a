// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioFormatTest {

    @Test
    void parsesAacLcConfigs() {
        AacFormat stereo = AacFormat.parse(Vectors.ASC_LC_48K_STEREO);
        assertThat(stereo.objectType()).isEqualTo(2);
        assertThat(stereo.sampleRate()).isEqualTo(48_000);
        assertThat(stereo.channels()).isEqualTo(2);
        assertThat(stereo.frameLength()).isEqualTo(1024);
        assertThat(stereo.codecs()).isEqualTo("mp4a.40.2");
        AacFormat mono = AacFormat.parse(Vectors.ASC_LC_48K_MONO_SYNC_EXT);
        assertThat(mono.channels()).isEqualTo(1);
        assertThat(mono.timescale()).isEqualTo(48_000);
        assertThat(AacFormat.lc(48_000, 2).audioSpecificConfig()).isEqualTo(Vectors.ASC_LC_48K_STEREO);
    }

    @Test
    void frameLengthFlagMeans960SampleFrames() {
        // 00010 0011 0010 1 00: GASpecificConfig frameLengthFlag = 1
        assertThat(AacFormat.parse(new byte[] {0x11, (byte) 0x94}).frameLength()).isEqualTo(960);
    }

    @Test
    void rejectsConfigsAnMp4aEntryCannotDescribe() {
        assertThatThrownBy(() -> AacFormat.parse(new byte[] {0x11}))
                .isInstanceOf(CmafFormatException.class).hasMessageStartingWith("AudioSpecificConfig:");
        // channelConfiguration 0: a program config element follows
        assertThatThrownBy(() -> AacFormat.parse(new byte[] {0x11, (byte) 0x80}))
                .hasMessageStartingWith("AudioSpecificConfig.channelConfiguration");
        // samplingFrequencyIndex 13 is reserved
        assertThatThrownBy(() -> AacFormat.parse(new byte[] {0x16, (byte) 0x90}))
                .hasMessageStartingWith("AudioSpecificConfig.samplingFrequencyIndex");
    }

    @Test
    void opusPacketDurationsFollowTheTocByte() {
        OpusFormat opus = OpusFormat.of(2, 312);
        // RFC 6716 §3.1: config 31 (CELT 20 ms), code 0 -> one frame
        assertThat(opus.frameDuration(new byte[] {(byte) (31 << 3)})).isEqualTo(960);
        // config 1 (SILK 20 ms), code 1 -> two frames
        assertThat(opus.frameDuration(new byte[] {(byte) (1 << 3 | 1), 0})).isEqualTo(1920);
        // config 16 (CELT 2.5 ms), code 3 with M = 4
        assertThat(opus.frameDuration(new byte[] {(byte) (16 << 3 | 3), 4})).isEqualTo(480);
        // config 3 (SILK 60 ms), code 3 with M = 3 -> 180 ms, capped at 120 ms
        assertThat(opus.frameDuration(new byte[] {(byte) (3 << 3 | 3), 3})).isEqualTo(5760);
        assertThat(opus.codecs()).isEqualTo("opus");
    }

    @Test
    void readsTheOggIdentificationHeader() {
        OpusFormat opus = OpusFormat.fromIdHeader(Vectors.OPUS_HEAD_STEREO);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.preSkip()).isEqualTo(312);
        assertThat(opus.inputSampleRate()).isEqualTo(48_000);
        assertThat(opus.mappingFamily()).isZero();
        assertThatThrownBy(() -> OpusFormat.of(3, 0)).hasMessageStartingWith("opus.channels");
    }
}
