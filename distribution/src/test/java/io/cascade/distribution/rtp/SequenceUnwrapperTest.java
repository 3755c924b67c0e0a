// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceUnwrapperTest {

    @Test
    void countsOnAcrossWraps() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        assertThat(unwrapper.last()).isEqualTo(-1);
        assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
        assertThat(unwrapper.unwrap(65535)).isEqualTo(65535);
        assertThat(unwrapper.unwrap(0)).isEqualTo(65536);
        assertThat(unwrapper.unwrap(1)).isEqualTo(65537);
        long value = 65537;
        for (int i = 0; i < 3 * 65536; i += 1000) {
            value += 1000;
            assertThat(unwrapper.unwrap((int) (value & 0xFFFF))).isEqualTo(value);
        }
    }

    @Test
    void lateArrivalsMapBehindWithoutLosingTheCycle() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        unwrapper.unwrap(65535);
        assertThat(unwrapper.unwrap(2)).isEqualTo(65538);
        assertThat(unwrapper.peek(65534)).isEqualTo(65534);
        assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
        assertThat(unwrapper.unwrap(3)).isEqualTo(65539);
    }

    @Test
    void reorderingBeforeTheFirstNumberGoesBelowIt() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        unwrapper.unwrap(0);
        assertThat(unwrapper.unwrap(65535)).isEqualTo(-1);
    }
}
