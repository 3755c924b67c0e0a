// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 32-bit RTMP timestamps extended to a continuous millisecond count. */
class TimestampUnwrapperTest {

    @Test
    void theFirstTimestampIsTakenAsItIs() {
        assertThat(new TimestampUnwrapper().unwrap(123_456)).isEqualTo(123_456);
    }

    @Test
    void wrapAt2To32ContinuesForward() {
        TimestampUnwrapper clock = new TimestampUnwrapper();
        assertThat(clock.unwrap(0xFFFFFF00L)).isEqualTo(0xFFFFFF00L);
        assertThat(clock.unwrap(0xFFFFFFF0L)).isEqualTo(0xFFFFFFF0L);
        assertThat(clock.unwrap(0x10L)).isEqualTo(0x1_0000_0010L);
        assertThat(clock.unwrap(0x50L)).isEqualTo(0x1_0000_0050L);
        // ... and keeps going through a second wrap.
        assertThat(clock.unwrap(0x8000_0000L)).isEqualTo(0x1_8000_0000L);
        assertThat(clock.unwrap(0xFFFF_FFFFL)).isEqualTo(0x1_FFFF_FFFFL);
        assertThat(clock.unwrap(0x0L)).isEqualTo(0x2_0000_0000L);
    }

    @Test
    void aSmallStepBackStaysASmallStepBack() {
        TimestampUnwrapper clock = new TimestampUnwrapper();
        clock.unwrap(0x10L);
        assertThat(clock.unwrap(0x08L)).isEqualTo(0x08L);
        assertThat(clock.unwrap(0xFFFFFFF8L)).as("16 ms back, across zero").isEqualTo(-8L);
    }
}
