// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvcConfigurationRecordTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void decodesTheRecordFfmpegAndX264WroteFieldByField() throws Exception {
        AvcConfigurationRecord r = AvcConfigurationRecord.decode(GoldenVectors.ffmpegAvcc());
        assertThat(r.profile()).isEqualTo(100);
        assertThat(r.compatibility()).isZero();
        assertThat(r.level()).isEqualTo(31);
        assertThat(r.lengthSize()).isEqualTo(4);
        assertThat(r.sps()).hasSize(1);
        assertThat(HEX.formatHex(r.sps().get(0))).isEqualTo("6764001facb200a00b760220000003002000000781e30649");
        assertThat(r.pps()).hasSize(1);
        assertThat(HEX.formatHex(r.pps().get(0))).isEqualTo("68ebc3cb22c0");
        assertThat(r.chromaFormat()).isEqualTo(1);
        assertThat(r.bitDepthLumaMinus8()).isZero();
        assertThat(r.bitDepthChromaMinus8()).isZero();
    }

    @Test
    void encodesTheSameBytesFromTheParameterSetsAlone() throws Exception {
        AvcConfigurationRecord decoded = AvcConfigurationRecord.decode(GoldenVectors.ffmpegAvcc());
        AvcConfigurationRecord rebuilt = AvcConfigurationRecord.of(decoded.sps(), decoded.pps(), 4);
        assertThat(rebuilt.encode()).isEqualTo(GoldenVectors.ffmpegAvcc());
    }

    @Test
    void parameterSetsAsAnnexBCarryStartCodes() throws Exception {
        byte[] annexB = AvcConfigurationRecord.decode(GoldenVectors.ffmpegAvcc()).parameterSetsAnnexB();
        assertThat(HEX.formatHex(annexB)).isEqualTo(
                "00000001" + "6764001facb200a00b760220000003002000000781e30649" + "00000001" + "68ebc3cb22c0");
    }

    @Test
    void aMainProfileRecordHasNoHighBlockAndDecodesWithoutOne() throws Exception {
        byte[] sps = HEX.parseHex("674d401eeca0");
        byte[] pps = HEX.parseHex("68ee3c80");
        byte[] encoded = AvcConfigurationRecord.of(List.of(sps), List.of(pps), 2).encode();
        assertThat(HEX.formatHex(encoded)).isEqualTo("014d401efde10006674d401eeca001000468ee3c80");
        AvcConfigurationRecord r = AvcConfigurationRecord.decode(encoded);
        assertThat(r.lengthSize()).isEqualTo(2);
        assertThat(r.profile()).isEqualTo(77);
    }

    @Test
    void aHighProfileRecordWithoutItsOptionalBlockStillDecodes() throws Exception {
        byte[] golden = GoldenVectors.ffmpegAvcc();
        AvcConfigurationRecord r = AvcConfigurationRecord.decode(Arrays.copyOf(golden, golden.length - 4));
        assertThat(r.chromaFormat()).isEqualTo(1);
        assertThat(r.sps()).hasSize(1);
    }

    @Test
    void malformedRecordsNameTheField() {
        byte[] golden = GoldenVectors.ffmpegAvcc();
        assertThatThrownBy(() -> AvcConfigurationRecord.decode(new byte[] {2, 100, 0, 31, -1, -31}))
                .isInstanceOf(MalformedH264Exception.class).hasMessageContaining("configurationVersion");
        assertThatThrownBy(() -> AvcConfigurationRecord.decode(Arrays.copyOf(golden, 20)))
                .hasMessageContaining("sequenceParameterSetLength");
        assertThatThrownBy(() -> AvcConfigurationRecord.decode(Arrays.copyOf(golden, 4)))
                .hasMessageContaining("lengthSizeMinusOne");
        byte[] reserved = golden.clone();
        reserved[4] = (byte) 0xfe;
        assertThatThrownBy(() -> AvcConfigurationRecord.decode(reserved)).hasMessageContaining("reserved");
        byte[] noSps = golden.clone();
        noSps[5] = (byte) 0xe0;
        assertThatThrownBy(() -> AvcConfigurationRecord.decode(noSps)).isInstanceOf(MalformedH264Exception.class);
    }
}
