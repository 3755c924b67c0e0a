// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesBlocksAndMasksHostBits() {
        Cidr block = Cidr.parse("172.16.5.4/12");
        assertThat(block.toString()).isEqualTo("172.16.0.0/12");
        assertThat(block.contains(new byte[] {(byte) 172, 31, (byte) 255, 1})).isTrue();
        assertThat(block.contains(new byte[] {(byte) 172, 32, 0, 1})).isFalse();
        assertThat(Cidr.parse("fe80::/10").contains(Cidr.parse("febf::1").network())).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(Cidr.parse("fec0::1").network())).isFalse();
        assertThat(Cidr.parse("8.8.8.8").prefixLength()).isEqualTo(32);
    }

    @Test
    void familiesNeverMatchEachOther() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("::1").network())).isFalse();
        assertThat(Cidr.parse("::/0").contains(Cidr.parse("1.2.3.4").network())).isFalse();
    }

    @Test
    void refusesNamesAndNonsenseWithoutAskingDns() {
        assertThatThrownBy(() -> Cidr.parse("localhost")).hasMessageContaining("localhost");
        assertThatThrownBy(() -> Cidr.parse("256.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("1.2.3")).isInstanceOf(IllegalArgumentException.class);
    }
}
