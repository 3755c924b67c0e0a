// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Annex B and AVCC framing, and the conversions between them. */
class FramingTest {

    private static final HexFormat HEX = HexFormat.of();

    private static List<String> annexBNals(String hex) {
        List<String> nals = new ArrayList<>();
        AnnexB.forEach(HEX.parseHex(hex), (b, off, len) -> nals.add(HEX.formatHex(b, off, off + len)));
        return nals;
    }

    @Test
    void annexBSplitsOnThreeAndFourByteStartCodesAndDropsTrailingZeros() {
        assertThat(annexBNals("00000001" + "6742" + "000001" + "68ce" + "0000" + "00000001" + "6588"))
                .containsExactly("6742", "68ce", "6588");
    }

    @Test
    void annexBKeepsEmulationPreventedZerosInsideANal() {
        // A NAL never ends in a zero byte (rbsp_stop_one_bit), so zeros before a start code are trailing_zero_8bits.
        assertThat(annexBNals("000001" + "650000030100000380" + "0000" + "000001" + "41"))
                .containsExactly("650000030100000380", "41");
    }

    @Test
    void avccToAnnexBAndBackForEachLengthSize() throws Exception {
        byte[] annexB = HEX.parseHex("00000001" + "6742c01e" + "00000001" + "68ce3c80" + "00000001" + "658884");
        for (int size : new int[] {1, 2, 4}) {
            byte[] avcc = Avcc.fromAnnexB(annexB, size);
            assertThat(avcc.length).isEqualTo(4 + 4 + 3 + 3 * size);
            assertThat(Avcc.toAnnexB(avcc, size)).as("length size " + size).isEqualTo(annexB);
        }
        assertThat(HEX.formatHex(Avcc.fromAnnexB(annexB, 2))).isEqualTo("00046742c01e000468ce3c800003658884");
    }

    @Test
    void avccLengthsThatRunPastTheSampleAreRejectedWithTheirOffset() {
        assertThatThrownBy(() -> Avcc.toAnnexB(HEX.parseHex("00000009" + "6588"), 4))
                .isInstanceOf(MalformedH264Exception.class).hasMessageContaining("NALUnitLength at byte 0 is 9");
        assertThatThrownBy(() -> Avcc.toAnnexB(HEX.parseHex("0002" + "6588" + "00"), 2))
                .hasMessageContaining("at byte 4: 1 bytes left, need 2");
        assertThatThrownBy(() -> Avcc.toAnnexB(HEX.parseHex("0000"), 2)).hasMessageContaining("is 0");
        assertThatThrownBy(() -> Avcc.checkLengthSize(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void annexBInputMustStartWithAStartCode() throws Exception {
        NalWriter out = new NalWriter(16);
        H264Framing.annexB().toAnnexB(HEX.parseHex("000001" + "6588"), out);
        assertThat(HEX.formatHex(out.toByteArray())).isEqualTo("0000016588");
        assertThatThrownBy(() -> H264Framing.annexB().toAnnexB(HEX.parseHex("6588"), new NalWriter(16)))
                .hasMessageContaining("start_code_prefix_one_3bytes");
    }

    @Test
    void idrSlicesAreFoundByNalType() {
        byte[] idr = HEX.parseHex("00000001" + "6742c01e" + "000001" + "658884");
        byte[] nonIdr = HEX.parseHex("00000001" + "419a00" + "000001" + "06050011");
        assertThat(AnnexB.containsIdr(idr, idr.length)).isTrue();
        assertThat(AnnexB.containsIdr(nonIdr, nonIdr.length)).isFalse();
        assertThat(AnnexB.containsIdr(idr, 8)).as("only the first length bytes count").isFalse();
    }

    @Test
    void aSourceConfigIsEitherARecordOrAnnexBExtradata() throws Exception {
        H264SourceConfig fromRecord = H264SourceConfig.parse(GoldenVectors.ffmpegAvcc());
        assertThat(fromRecord.lengthSize()).isEqualTo(4);
        H264SourceConfig fromAnnexB = H264SourceConfig.parse(fromRecord.parameterSets());
        assertThat(fromAnnexB.lengthSize()).isZero();
        assertThat(fromAnnexB.parameterSets()).isEqualTo(fromRecord.parameterSets());
        assertThatThrownBy(() -> H264SourceConfig.parse(new byte[0])).hasMessageContaining("empty");
    }
}
