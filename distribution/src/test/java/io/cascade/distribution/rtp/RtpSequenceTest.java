// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 16-bit serial-number arithmetic across the wrap. */
class RtpSequenceTest {

    @Test
    void addWrapsBothWays() {
        assertThat(RtpSequence.add(65535, 1)).isZero();
        assertThat(RtpSequence.add(0, -1)).isEqualTo(65535);
        assertThat(RtpSequence.next(65535)).isZero();
        assertThat(RtpSequence.add(100, 70000)).isEqualTo((100 + 70000) % 65536);
    }

    @Test
    void deltaIsSignedAndShortestWay() {
        assertThat(RtpSequence.delta(65535, 0)).isEqualTo(1);
        assertThat(RtpSequence.delta(0, 65535)).isEqualTo(-1);
        assertThat(RtpSequence.delta(10, 20)).isEqualTo(10);
        assertThat(RtpSequence.delta(0, 32768)).isEqualTo(-32768);
        assertThat(RtpSequence.forwardDistance(65530, 5)).isEqualTo(11);
    }

    @Test
    void newerAcrossTheWrap() {
        assertThat(RtpSequence.isNewer(0, 65535)).isTrue();
        assertThat(RtpSequence.isNewer(65535, 0)).isFalse();
        assertThat(RtpSequence.isNewer(5, 5)).isFalse();
        assertThat(RtpSequence.isNewer(32767, 0)).isTrue();
        assertThat(RtpSequence.newest(65000, 10)).isEqualTo(10);
    }

    @Test
    void exactlyHalfApartTheLargerIsNewerSoOrderIsAntisymmetric() {
        assertThat(RtpSequence.isNewer(32768, 0)).isTrue();
        assertThat(RtpSequence.isNewer(0, 32768)).isFalse();
        for (int a = 0; a < 65536; a += 97) {
            int b = RtpSequence.add(a, 32768);
            assertThat(RtpSequence.isNewer(a, b)).isNotEqualTo(RtpSequence.isNewer(b, a));
        }
    }
}
