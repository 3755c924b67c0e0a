// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The mark's octets, field by field (ITU-T H.264 §7.3.2.3, §D.1.7). */
class SwitchMarkerTest {
    @Test
    void isOneUserDataUnregisteredSeiWithCascadesUuidAndText() {
        byte[] nal = SwitchMarker.nal();
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
        byte[] nal = SwitchMarker.nal();
        for (int i = 0; i + 2 < nal.length; i++) {
            assertThat(nal[i] == 0 && nal[i + 1] == 0 && (nal[i + 2] & 0xFF) <= 3).as("00 00 0x at %d", i).isFalse();
        }
    }
}
