// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpsSummaryTest {

    @Test
    void readsProfileLevelAndTheHighProfileFieldsOfX264sSps() throws Exception {
        byte[] sps = AvcConfigurationRecord.decode(GoldenVectors.ffmpegAvcc()).sps().get(0);
        SpsSummary s = SpsSummary.parse(sps, 0, sps.length);
        assertThat(s).isEqualTo(new SpsSummary(100, 0, 31, 1, 0, 0));
    }

    @Test
    void a10Bit422SpsReportsItsDepthAndChromaFormat() throws Exception {
        // profile 122 (High 4:2:2), level 40; ue: sps_id 0 (1), chroma_format_idc 2 (011),
        // bit_depth_luma_minus8 2 (011), bit_depth_chroma_minus8 2 (011): bits 1011 0110 11.. -> b6 c0
        byte[] sps = HexFormat.of().parseHex("677a0028b6c0");
        assertThat(SpsSummary.parse(sps, 0, sps.length)).isEqualTo(new SpsSummary(122, 0, 40, 2, 2, 2));
    }

    @Test
    void emulationPreventionBytesAreNotPayload() throws Exception {
        // profile 100, constraints 0, level 0 -> "64 00 00"; then 03 is emulation prevention, and
        // the ue fields follow in the next byte: sps_id 0, chroma 1 (010), depths 0, 0 -> 1010 11..
        byte[] sps = HexFormat.of().parseHex("67640000" + "03" + "ac");
        assertThat(SpsSummary.parse(sps, 0, sps.length)).isEqualTo(new SpsSummary(100, 0, 0, 1, 0, 0));
    }

    @Test
    void notAnSpsOrCutShortIsRejectedByField() {
        byte[] pps = HexFormat.of().parseHex("68ebc3cb22c0");
        assertThatThrownBy(() -> SpsSummary.parse(pps, 0, pps.length)).hasMessageContaining("nal_unit_type");
        byte[] cut = HexFormat.of().parseHex("67640028");
        assertThatThrownBy(() -> SpsSummary.parse(cut, 0, cut.length)).hasMessageContaining("seq_parameter_set_id");
    }
}
