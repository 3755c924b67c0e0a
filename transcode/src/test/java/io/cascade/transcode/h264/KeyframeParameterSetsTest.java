// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyframeParameterSetsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SPS = "6764001facb200a00b760220000003002000000781e30649";
    private static final String PPS = "68ebc3cb22c0";

    @Test
    void anIdrWithItsParameterSetsPassesUnchangedAndYieldsTheRecord() throws Exception {
        KeyframeParameterSets sets = new KeyframeParameterSets(4);
        byte[] idr = HEX.parseHex("00000001" + SPS + "00000001" + PPS + "00000001" + "65888400");
        assertThat(sets.onKeyframe(idr)).isSameAs(idr);
        assertThat(sets.record().encode()).isEqualTo(GoldenVectors.ffmpegAvcc());
    }

    @Test
    void anIdrWithoutThemGetsTheLastOnesPrepended() throws Exception {
        KeyframeParameterSets sets = new KeyframeParameterSets(4);
        sets.onKeyframe(HEX.parseHex("00000001" + SPS + "00000001" + PPS + "00000001" + "6588"));
        AvcConfigurationRecord before = sets.record();
        byte[] bare = HEX.parseHex("00000001" + "6588aa");
        assertThat(HEX.formatHex(sets.onKeyframe(bare)))
                .isEqualTo("00000001" + SPS + "00000001" + PPS + "00000001" + "6588aa");
        assertThat(sets.record()).isSameAs(before);
    }

    @Test
    void newParameterSetsReplaceTheRecordAndABareFirstIdrIsRejected() throws Exception {
        KeyframeParameterSets sets = new KeyframeParameterSets(4);
        assertThatThrownBy(() -> sets.onKeyframe(HEX.parseHex("000001" + "6588")))
                .isInstanceOf(MalformedH264Exception.class);
        sets.onKeyframe(HEX.parseHex("00000001" + SPS + "00000001" + PPS + "000001" + "6588"));
        AvcConfigurationRecord first = sets.record();
        sets.onKeyframe(HEX.parseHex("00000001" + "674d401eeca0" + "00000001" + "68ee3c80" + "000001" + "6588"));
        assertThat(sets.record()).isNotSameAs(first);
        assertThat(sets.record().profile()).isEqualTo(77);
    }
}
