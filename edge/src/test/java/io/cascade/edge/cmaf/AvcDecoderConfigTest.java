// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvcDecoderConfigTest {

    @Test
    void rebuildsLibx264MainProfileRecordByteForByte() {
        AvcDecoderConfig c = AvcDecoderConfig.parse(Vectors.AVCC_MAIN_640X360);
        assertThat(c.sps()).hasSize(1);
        assertThat(c.sps().get(0)).hasSize(24);
        assertThat(c.pps()).hasSize(1);
        assertThat(c.record()).isEqualTo(Vectors.AVCC_MAIN_640X360);
    }

    @Test
    void highProfileRecordCarriesTheChromaAndBitDepthExtension() {
        // ISO/IEC 14496-15 §5.3.3.1.2: profile 100 appends chroma_format (4:2:0 = 1) and bit depths (8 bits).
        AvcDecoderConfig c = AvcDecoderConfig.parse(Vectors.AVCC_HIGH_320X180);
        AvcDecoderConfig rebuilt = AvcDecoderConfig.of(c.sps(), c.pps());
        assertThat(rebuilt.record()).isEqualTo(Vectors.AVCC_HIGH_320X180);
        byte[] r = rebuilt.record();
        assertThat(r[r.length - 4] & 0xFF).isEqualTo(0xFC | 1);
        assertThat(r[r.length - 3] & 0xFF).isEqualTo(0xF8);
        assertThat(r[r.length - 2] & 0xFF).isEqualTo(0xF8);
        assertThat(r[r.length - 1]).isZero();
    }

    @Test
    void codecStringIsProfileConstraintsAndLevelFromSpsBytesOneToThree() {
        assertThat(AvcDecoderConfig.parse(Vectors.AVCC_MAIN_640X360).codecs()).isEqualTo("avc1.4d401e");
        assertThat(AvcDecoderConfig.parse(Vectors.AVCC_HIGH_320X180).codecs()).isEqualTo("avc1.64000d");
    }

    @Test
    void spsHeaderSkipsEmulationPreventionBytes() {
        assertThat(SpsHeader.unescape(new byte[] {0x67, 0, 0, 3, 1, 0, 0, 3, 0})).containsExactly(0x67, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void rejectsWhatAnAvcCCannotCarry() {
        byte[] pps = {0x68, 1, 2, 3};
        assertThatThrownBy(() -> AvcDecoderConfig.of(List.of(), List.of(pps)))
                .isInstanceOf(CmafFormatException.class).hasMessageStartingWith("sps:");
        assertThatThrownBy(() -> AvcDecoderConfig.of(List.of(pps), List.of(pps)))
                .isInstanceOf(CmafFormatException.class).hasMessageContaining("NAL unit type 8, expected 7");
        byte[] twoByteLengths = Vectors.AVCC_MAIN_640X360.clone();
        twoByteLengths[4] = (byte) 0xFD;
        assertThatThrownBy(() -> AvcDecoderConfig.parse(twoByteLengths))
                .isInstanceOf(CmafFormatException.class).hasMessageStartingWith("avcC.lengthSizeMinusOne");
        byte[] truncated = java.util.Arrays.copyOf(Vectors.AVCC_MAIN_640X360, 20);
        assertThatThrownBy(() -> AvcDecoderConfig.parse(truncated)).isInstanceOf(CmafFormatException.class);
    }
}
