// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchMarkerTest {
    /** The writer's octets (io.cascade.ingest.origin.SwitchMarker), copied: the two must agree. */
    private static final byte[] WRITTEN = HexFormat.of().parseHex(
            "060526c45cade09f1b4d2a8e3751a962b0f3d8" + "636173636164653a70726f6772616d2d737769746368" + "80");
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84};
    /** x264's own user_data_unregistered SEI start: another UUID. */
    private static final byte[] X264_SEI = HexFormat.of().parseHex("0605ffff5bdc45e9bde6d948b7962cd820d923eeef");

    @Test
    void recognisesTheOriginsMarkAndNothingElse() {
        assertThat(SwitchMarker.nal()).isEqualTo(WRITTEN);
        assertThat(SwitchMarker.marks(List.of(WRITTEN, IDR))).isTrue();
        assertThat(SwitchMarker.marks(List.of(X264_SEI, IDR))).isFalse();
        assertThat(SwitchMarker.marks(List.of(IDR))).isFalse();
        byte[] altered = WRITTEN.clone();
        altered[10] ^= 1;
        assertThat(SwitchMarker.marks(List.of(altered, IDR))).isFalse();
    }
}
