// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** RFC 4585 §6.2.1 PID/BLP expansion and construction. */
class GenericNackTest {

    @Test
    void packsRunsOfUpToSeventeenIntoOneEntry() {
        GenericNack nack = GenericNack.of(1, 2, 100, 101, 103, 116);
        assertThat(nack.pairs()).containsExactly(new NackPair(100, 0b1000_0000_0000_0101));
        assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103, 116);
    }

    @Test
    void startsANewEntryBeyondTheBitmask() {
        GenericNack nack = GenericNack.of(1, 2, 100, 117, 118);
        assertThat(nack.pairs()).containsExactly(new NackPair(100, 0), new NackPair(117, 1));
    }

    @Test
    void packsAcrossTheWrap() {
        GenericNack nack = GenericNack.of(1, 2, 65534, 65535, 0, 3);
        assertThat(nack.pairs()).containsExactly(new NackPair(65534, 0b10011));
        assertThat(nack.lostSequenceNumbers()).containsExactly(65534, 65535, 0, 3);
    }

    @Test
    void absorbsDuplicates() {
        assertThat(GenericNack.of(1, 2, 5, 5, 6, 5).pairs()).containsExactly(new NackPair(5, 1));
    }

    @Test
    void anyOrderNamesTheSameSet() {
        Random random = new Random(4585);
        for (int round = 0; round < 500; round++) {
            int base = random.nextInt(65536);
            TreeSet<Integer> lost = new TreeSet<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                int seq = (base + random.nextInt(200)) & 0xFFFF;
                lost.add(seq);
                order.add(seq);
            }
            java.util.Collections.shuffle(order, random);
            GenericNack nack = GenericNack.of(1, 2, order.stream().mapToInt(Integer::intValue).toArray());
            TreeSet<Integer> named = new TreeSet<>();
            nack.forEachLost(named::add);
            assertThat(named).isEqualTo(lost);
        }
    }

    @Test
    void refusesAnEmptyListAndOutOfRangeNumbers() {
        assertThatThrownBy(() -> GenericNack.of(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GenericNack.of(1, 2, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
