// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class H264NalTest {
    private static final byte[] SPS = PayloadVectors.SPS_640X360;
    private static final byte[] PPS = PayloadVectors.PPS_640X360;

    @Test
    void headerFieldsComeFromTheFirstOctet() {
        // 0x65 = 0 11 00101: F=0, NRI=3, type 5 (IDR); 0x41 = 0 10 00001: NRI=2, type 1
        assertThat(H264Nal.type(0x65)).isEqualTo(H264Nal.IDR);
        assertThat(H264Nal.nri(0x65)).isEqualTo(3);
        assertThat(H264Nal.type(0x41)).isEqualTo(H264Nal.SLICE);
        assertThat(H264Nal.nri(0x41)).isEqualTo(2);
        assertThat(H264Nal.type(new byte[0])).isEqualTo(-1);
        assertThat(H264Nal.isVcl(H264Nal.IDR)).isTrue();
        assertThat(H264Nal.isVcl(H264Nal.SEI)).isFalse();
    }

    @Test
    void typeNumbersAreTheOnesOfRfc6184Table1() {
        assertThat(List.of(H264Nal.SLICE, H264Nal.IDR, H264Nal.SEI, H264Nal.SPS, H264Nal.PPS, H264Nal.AUD))
                .containsExactly(1, 5, 6, 7, 8, 9);
        assertThat(List.of(H264Nal.STAP_A, H264Nal.STAP_B, H264Nal.MTAP16, H264Nal.MTAP24, H264Nal.FU_A, H264Nal.FU_B))
                .containsExactly(24, 25, 26, 27, 28, 29);
    }

    @Test
    void annexBSplitsOnThreeAndFourOctetStartCodes() {
        byte[] stream = hex("00000001" + "6764001e" // 4-octet start code, a (short) SPS
                + "000001" + "68ef8fcb" // 3-octet start code, PPS
                + "0000000001" + "6588" // leading zero, then a 4-octet start code
                + "000001" + "4101" + "0000"); // trailing_zero_8bits at the end
        assertThat(H264Nal.splitAnnexB(stream)).containsExactly(hex("6764001e"), hex("68ef8fcb"), hex("6588"),
                hex("4101"));
    }

    @Test
    void annexBSkipsEmptyUnitsAndAcceptsAnEmptyStream() {
        assertThat(H264Nal.splitAnnexB(hex("000001000001" + "09f0" + "000001"))).containsExactly(hex("09f0"));
        assertThat(H264Nal.splitAnnexB(new byte[0])).isEmpty();
        assertThat(H264Nal.splitAnnexB(hex("000000"))).isEmpty();
    }

    @Test
    void annexBKeepsEmulationPreventionBytes() {
        // The SPS holds "00 00 03" twice; splitting must not touch them.
        assertThat(H264Nal.splitAnnexB(H264Nal.joinAnnexB(List.of(SPS, PPS)))).containsExactly(SPS, PPS);
    }

    @Test
    void annexBRejectsDataBeforeTheFirstStartCode() {
        assertThatThrownBy(() -> H264Nal.splitAnnexB(hex("ff000001" + "09f0")))
                .isInstanceOfSatisfying(PayloadFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("leading_zero_8bits"));
        assertThatThrownBy(() -> H264Nal.splitAnnexB(hex("6588")))
                .isInstanceOf(PayloadFormatException.class);
    }

    @Test
    void annexBJoinWritesFourOctetStartCodes() {
        assertThat(H264Nal.joinAnnexB(List.of(hex("09f0"), hex("6588"))))
                .isEqualTo(hex("00000001" + "09f0" + "00000001" + "6588"));
    }

    @Test
    void avccRoundTripsWithEveryLengthSize() {
        List<byte[]> nals = List.of(SPS, PPS, PayloadVectors.IDR_120);
        for (int lengthSize = 1; lengthSize <= 4; lengthSize++) {
            byte[] avcc = H264Nal.joinAvcc(nals, lengthSize);
            assertThat(avcc).hasSize(H264Nal.size(nals) + 3 * lengthSize);
            assertThat(H264Nal.splitAvcc(avcc, lengthSize)).containsExactly(SPS, PPS, PayloadVectors.IDR_120);
        }
    }

    @Test
    void avccReadsBigEndianLengths() {
        // 00 00 00 02: length 2, then the NAL unit; 00 00 00 00: an empty unit, skipped
        assertThat(H264Nal.splitAvcc(hex("00000002" + "09f0" + "00000000" + "00000001" + "0c"), 4))
                .containsExactly(hex("09f0"), hex("0c"));
        // 2-octet prefixes: 00 03 = 3
        assertThat(H264Nal.splitAvcc(hex("0003" + "658880"), 2)).containsExactly(hex("658880"));
    }

    @Test
    void avccRejectsTruncatedLengthsAndUnits() {
        assertThatThrownBy(() -> H264Nal.splitAvcc(hex("000000"), 4))
                .isInstanceOfSatisfying(PayloadFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("NALUnitLength"));
        assertThatThrownBy(() -> H264Nal.splitAvcc(hex("00000005" + "6588"), 4))
                .isInstanceOfSatisfying(PayloadFormatException.class,
                        e -> assertThat(e).hasMessageContaining("5 octets announced"));
        // a length with the top bit set must not turn negative
        assertThatThrownBy(() -> H264Nal.splitAvcc(hex("ffffffff" + "6588"), 4))
                .isInstanceOf(PayloadFormatException.class);
    }

    @Test
    void avccJoinRefusesUnitsTooLongForThePrefix() {
        assertThatThrownBy(() -> H264Nal.joinAvcc(List.of(new byte[256]), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H264Nal.joinAvcc(List.of(), 3 + 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rbspDropsEveryEmulationPreventionByte() {
        // §7.4.1: 00 00 03 0x with x in 0..3 carries 00 00 0x; here twice
        byte[] rbsp = H264Nal.toRbsp(SPS, 1, SPS.length);
        assertThat(rbsp).isEqualTo(hex("64001eacd940a02ff97011000000010000003c0f162d96"));
        assertThat(H264Nal.fromRbsp(rbsp)).isEqualTo(Arrays.copyOfRange(SPS, 1, SPS.length));
    }

    @Test
    void rbspEscapingRoundTripsAnyBytes() {
        Random random = new Random(6184);
        for (int i = 0; i < 2000; i++) {
            byte[] rbsp = new byte[random.nextInt(40)];
            for (int j = 0; j < rbsp.length; j++) {
                rbsp[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(4) : 0); // zeros and small values
            }
            byte[] escaped = H264Nal.fromRbsp(rbsp);
            assertThat(H264Nal.toRbsp(escaped, 0, escaped.length)).isEqualTo(rbsp);
            if (escaped.length > 0 && escaped[escaped.length - 1] != 0) {
                assertThat(H264Nal.splitAnnexB(H264Nal.joinAnnexB(List.of(hex("65"), escaped, hex("41")))))
                        .as("an escaped unit holds no start code").containsExactly(hex("65"), escaped, hex("41"));
            }
        }
    }

    @Test
    void nalListsCompareByContent() {
        assertThat(H264Nal.equal(List.of(hex("6588")), List.of(hex("6588")))).isTrue();
        assertThat(H264Nal.hash(List.of(hex("6588")))).isEqualTo(H264Nal.hash(List.of(hex("6588"))));
        assertThat(H264Nal.equal(List.of(hex("6588")), List.of(hex("6589")))).isFalse();
        assertThat(H264Nal.containsIdr(List.of(SPS, hex("6588")))).isTrue();
        assertThat(H264Nal.containsIdr(List.of(SPS, hex("4188")))).isFalse();
    }
}
