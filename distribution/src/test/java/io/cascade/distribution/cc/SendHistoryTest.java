// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendHistoryTest {
    @Test
    void aPacketIsAcknowledgedOnce() {
        SendHistory h = new SendHistory();
        h.sent(10, 1_000, 1200);
        assertThat(h.pending(10)).isTrue();
        assertThat(h.sentUs(10)).isEqualTo(1_000);
        assertThat(h.acknowledge(10)).isEqualTo(1200);
        assertThat(h.acknowledge(10)).as("a repeated report").isZero();
        assertThat(h.pending(11)).as("never sent").isFalse();
    }

    @Test
    void anOverwrittenSlotForgetsTheOldPacket() {
        SendHistory h = new SendHistory();
        h.sent(5, 1, 100);
        h.sent(5 + SendHistory.SLOTS, 2, 200);
        assertThat(h.pending(5)).isFalse();
        assertThat(h.acknowledge(5 + SendHistory.SLOTS)).isEqualTo(200);
    }

    @Test
    void sequenceNumbersWrapAt16Bits() {
        SendHistory h = new SendHistory();
        for (int i = 0; i < 10; i++) {
            h.sent((65530 + i) & 0xFFFF, i, 100 + i);
        }
        assertThat(h.acknowledge(65535)).isEqualTo(105);
        assertThat(h.acknowledge(0)).isEqualTo(106);
        assertThat(h.sentUs(3)).isEqualTo(9);
    }

    @Test
    void forgottenPacketsAreNotPending() {
        SendHistory h = new SendHistory();
        h.sent(7, 1, 100);
        h.forget(7);
        assertThat(h.pending(7)).isFalse();
        assertThat(h.acknowledge(7)).isZero();
    }
}
