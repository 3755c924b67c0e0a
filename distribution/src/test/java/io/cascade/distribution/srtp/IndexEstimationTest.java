// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.StreamState.estimateIndex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 §3.3.1 / Appendix A: the ROC guess v is ROC - 1, ROC or ROC + 1. */
class IndexEstimationTest {
    private static long index(long roc, int seq) {
        return roc << 16 | seq;
    }

    @Test
    void theFirstPacketOfAnSsrcHasRocZero() {
        assertThat(estimateIndex(-1, 0)).isZero();
        assertThat(estimateIndex(-1, 65535)).isEqualTo(65535);
    }

    @Test
    void lowSlGuessesRocOrRocMinusOne() {
        long highest = index(5, 100);
        assertThat(estimateIndex(highest, 101)).isEqualTo(index(5, 101));
        assertThat(estimateIndex(highest, 50)).isEqualTo(index(5, 50));
        assertThat(estimateIndex(highest, 100 + 0x8000)).as("exactly 2^15 ahead is still ROC").isEqualTo(index(5, 0x8064));
        assertThat(estimateIndex(highest, 101 + 0x8000)).as("more than 2^15 ahead is the previous ROC")
                .isEqualTo(index(4, 0x8065));
        assertThat(estimateIndex(highest, 65535)).isEqualTo(index(4, 65535));
    }

    @Test
    void highSlGuessesRocOrRocPlusOne() {
        long highest = index(5, 65500);
        assertThat(estimateIndex(highest, 65535)).isEqualTo(index(5, 65535));
        assertThat(estimateIndex(highest, 0)).isEqualTo(index(6, 0));
        assertThat(estimateIndex(highest, 65500 - 0x8000)).isEqualTo(index(5, 65500 - 0x8000));
        assertThat(estimateIndex(highest, 65499 - 0x8000)).isEqualTo(index(6, 65499 - 0x8000));
    }

    @Test
    void aGuessBeforeRocZeroIsRefused() {
        assertThat(estimateIndex(index(0, 10), 65000)).isEqualTo(-1);
    }

    @Test
    void aGuessPastTheLastRocOverflowsTheIndexSpace() {
        long last = index(0xFFFF_FFFFL, 65535);
        assertThat(last).isEqualTo(StreamState.MAX_SRTP_INDEX);
        assertThat(estimateIndex(last, 0)).isGreaterThan(StreamState.MAX_SRTP_INDEX);
    }
}
