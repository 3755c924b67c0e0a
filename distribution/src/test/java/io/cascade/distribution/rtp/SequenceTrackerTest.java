// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 A.1 sequence validation and the A.3 loss figures built on it. */
class SequenceTrackerTest {

    @Test
    void newSourceIsOnProbationForTheFirstPacket() {
        SequenceTracker tracker = new SequenceTracker(100);
        assertThat(tracker.update(100)).isFalse();
        assertThat(tracker.onProbation()).isTrue();
        assertThat(tracker.update(101)).isTrue();
        assertThat(tracker.onProbation()).isFalse();
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.extendedHighestSequence()).isEqualTo(101);
    }

    @Test
    void outOfSequenceProbationStartsOver() {
        SequenceTracker tracker = new SequenceTracker(100);
        tracker.update(100);
        assertThat(tracker.update(105)).isFalse();
        assertThat(tracker.update(106)).isTrue();
    }

    @Test
    void probationPassesAcrossTheWrap() {
        // The C code in A.1 compares seq == max_seq + 1 after int promotion and never matches 65535 -> 0.
        SequenceTracker tracker = new SequenceTracker(65535);
        tracker.update(65535);
        assertThat(tracker.update(0)).isTrue();
        assertThat(tracker.extendedHighestSequence()).isZero();
    }

    @Test
    void countsCyclesWhenTheSequenceWraps() {
        SequenceTracker tracker = trusted(65530);
        for (int seq = 65531; seq <= 65535; seq++) {
            tracker.update(seq);
        }
        tracker.update(0);
        tracker.update(1);
        assertThat(tracker.extendedHighestSequence()).isEqualTo(65536 + 1);
        assertThat(tracker.expected()).isEqualTo(8);
        assertThat(tracker.cumulativeLost()).isZero();
    }

    @Test
    void lateAndDuplicatePacketsCountButDoNotMoveTheHighest() {
        SequenceTracker tracker = trusted(1000);
        tracker.update(1002);
        assertThat(tracker.update(1001)).isTrue();
        assertThat(tracker.update(1001)).isTrue();
        assertThat(tracker.extendedHighestSequence()).isEqualTo(1002);
        assertThat(tracker.received()).isEqualTo(4);
        assertThat(tracker.cumulativeLost()).as("a duplicate makes loss negative").isEqualTo(-1);
    }

    @Test
    void aLargeJumpIsIgnoredUntilTheNextPacketConfirmsARestart() {
        SequenceTracker tracker = trusted(1000);
        assertThat(tracker.update(40000)).isFalse();
        assertThat(tracker.update(40001)).isTrue();
        assertThat(tracker.extendedHighestSequence()).isEqualTo(40001);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.expected()).isEqualTo(1);
    }

    @Test
    void aJumpWithinMaxDropoutCountsAsLoss() {
        SequenceTracker tracker = trusted(1000);
        tracker.update(1010);
        assertThat(tracker.expected()).isEqualTo(11);
        assertThat(tracker.cumulativeLost()).isEqualTo(9);
    }

    @Test
    void fractionLostIsPerInterval() {
        SequenceTracker tracker = trusted(0);
        for (int seq = 1; seq < 100; seq += 2) { // every other packet lost
            tracker.update(seq);
        }
        // expected 100 (0..99), received 51 -> 49 lost: 49 * 256 / 100 = 125
        assertThat(tracker.takeFractionLost()).isEqualTo(125);
        for (int seq = 100; seq < 200; seq++) {
            tracker.update(seq);
        }
        assertThat(tracker.takeFractionLost()).isZero();
        assertThat(tracker.takeFractionLost()).as("nothing expected since").isZero();
    }

    @Test
    void cumulativeLossIsClampedToTwentyFourBits() {
        SequenceTracker tracker = trusted(0);
        long seq = 0;
        for (int i = 0; i < 3000; i++) { // 2999 lost per step, 3000 steps: ~9M lost
            seq += 2999;
            tracker.update((int) (seq & 0xFFFF));
        }
        assertThat(tracker.cumulativeLost()).isEqualTo(0x7FFFFF);
    }

    /** A tracker already past probation (A.1 with MIN_SEQUENTIAL = 1). */
    private static SequenceTracker trusted(int first) {
        SequenceTracker tracker = new SequenceTracker(first, 1);
        assertThat(tracker.update(first)).isTrue();
        return tracker;
    }
}
