// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeshThresholdTest {
    private final MeshThreshold t = MeshThreshold.DEFAULT;

    @Test
    void withoutReportsTheThresholdIsFour() {
        assertThat(t.of(Arrays.asList(null, null))).isEqualTo(4);
        assertThat(t.mode(4, 4)).isEqualTo(RoomMode.MESH);
        assertThat(t.mode(5, 4)).isEqualTo(RoomMode.SFU);
    }

    @Test
    void theSmallestUplinkBoundsTheMeshBetweenTwoAndTheMaximum() {
        assertThat(t.of(Arrays.asList(10_000, 1_800))).isEqualTo(4); // 1 + 1800/600
        assertThat(t.of(Arrays.asList(10_000, 1_300, null))).isEqualTo(3);
        assertThat(t.of(Arrays.asList(700))).isEqualTo(2);
        assertThat(t.of(Arrays.asList(100))).isEqualTo(2); // two people are always a mesh
        assertThat(new MeshThreshold(8, 600).of(Arrays.asList(100_000))).isEqualTo(8);
    }
}
