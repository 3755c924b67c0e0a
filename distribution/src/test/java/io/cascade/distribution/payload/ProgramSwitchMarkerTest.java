// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The mark's octets, field by field (ITU-T H.264 §7.3.2.3, §D.1.7), and its recognition. */
class ProgramSwitchMarkerTest {
    /** The mark, written out independently of the class. */
    private static final byte[] WRITTEN = HexFormat.of().parseHex(
            "060526c45cade09f1b4d2a8e3751a962b0f3d8" + "636173636164653a70726f6772616d2d737769746368" + "80");
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84};
    /** x264's own user_data_unregistered SEI start: another UUID. */
    private static final byte[] X264_SEI = HexFormat.of().parseHex("0605ffff5bdc45e9bde6d948b7962cd820d923eeef");

    @Test
    void recognisesTheOriginsMarkAndNothingElse() {
        assertThat(ProgramSwitchMarker.nal()).isEqualTo(WRITTEN);
        assertThat(ProgramSwitchMarker.marks(List.of(WRITTEN, IDR))).isTrue();
        assertThat(ProgramSwitchMarker.marks(List.of(X264_SEI, IDR))).isFalse();
        assertThat(ProgramSwitchMarker.marks(List.of(IDR))).isFalse();
        byte[] altered = WRITTEN.clone();
        altered[10] ^= 1;
        assertThat(ProgramSwitchMarker.marks(List.of(altered, IDR))).isFalse();
    }

    @Test
    void isOneUserDataUnregisteredSeiWithCascadesUuidAndText() {
        byte[] nal = ProgramSwitchMarker.nal();
        assertThat(nal[0] & 0x1F).as("nal_unit_type SEI").isEqualTo(6);
        assertThat(nal[0] & 0x60).as("nal_ref_idc").isZero();
        assertThat(nal[1]).as("payloadType user_data_unregistered").isEqualTo((byte) 5);
        assertThat(nal[2] & 0xFF).as("payloadSize").isEqualTo(nal.length - 4).isEqualTo(16 + 22);
        assertThat(new String(Arrays.copyOfRange(nal, 19, nal.length - 1), StandardCharsets.US_ASCII))
                .isEqualTo("cascade:program-switch");
        assertThat(nal[nal.length - 1]).as("rbsp_trailing_bits").isEqualTo((byte) 0x80);
    }

    @Test
    void needsNoEmulationPrevention() {
        byte[] nal = ProgramSwitchMarker.nal();
        for (int i = 0; i + 2 < nal.length; i++) {
            assertThat(nal[i] == 0 && nal[i + 1] == 0 && (nal[i + 2] & 0xFF) <= 3).as("00 00 0x at %d", i).isFalse();
        }
    }
}
