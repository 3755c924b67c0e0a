// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {
    @Test
    void everythingIsNewBeforeTheFirstIndex() {
        ReplayWindow window = new ReplayWindow(64);
        assertThat(window.highest()).isEqualTo(-1);
        assertThat(window.check(0)).isEqualTo(SrtpResult.OK);
        assertThat(window.check(1L << 47)).isEqualTo(SrtpResult.OK);
    }

    @Test
    void checkDoesNotRecord() {
        ReplayWindow window = new ReplayWindow(64);
        window.accept(10);
        assertThat(window.check(9)).isEqualTo(SrtpResult.OK);
        assertThat(window.check(9)).isEqualTo(SrtpResult.OK);
        window.accept(9);
        assertThat(window.check(9)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(window.highest()).isEqualTo(10);
    }

    @Test
    void aJumpFarAheadClearsTheWholeRing() {
        ReplayWindow window = new ReplayWindow(64);
        for (long i = 0; i < 64; i++) {
            window.accept(i);
        }
        window.accept(1_000_000);
        for (long i = 1_000_000 - 63; i < 1_000_000; i++) {
            assertThat(window.check(i)).as("index %d", i).isEqualTo(SrtpResult.OK);
        }
        assertThat(window.check(1_000_000 - 64)).isEqualTo(SrtpResult.TOO_OLD);
    }

    /** Against a plain model: a set of seen indices and the window rule, for random walks. */
    @ParameterizedTest
    @ValueSource(ints = {64, 128, 1024})
    void agreesWithASetBasedModel(int size) {
        Random random = new Random(size);
        ReplayWindow window = new ReplayWindow(size);
        BitSet seen = new BitSet();
        long highest = -1;
        long cursor = 5000;
        for (int i = 0; i < 200_000; i++) {
            cursor = Math.max(0, cursor + random.nextInt(size) - size / 4);
            long index = random.nextInt(8) == 0 ? cursor + random.nextInt(4 * size) : cursor;
            SrtpResult expected;
            if (highest < 0 || index > highest) {
                expected = SrtpResult.OK;
            } else if (highest - index >= size) {
                expected = SrtpResult.TOO_OLD;
            } else {
                expected = seen.get((int) index) ? SrtpResult.REPLAYED : SrtpResult.OK;
            }
            assertThat(window.check(index)).as("step %d index %d highest %d", i, index, highest).isEqualTo(expected);
            if (expected == SrtpResult.OK) {
                window.accept(index);
                seen.set((int) index);
                highest = Math.max(highest, index);
            }
        }
    }
}
