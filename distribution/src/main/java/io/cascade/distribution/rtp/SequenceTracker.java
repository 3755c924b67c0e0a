// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * Per-source sequence-number state from RFC 3550 Appendix A.1, with the loss figures of A.3 that
 * a receiver report needs (extended highest sequence number, cumulative and fractional loss).
 *
 * <p>A.1 in short: a new source is on probation until {@code MIN_SEQUENTIAL} packets arrive in
 * sequence; after that a jump forward of less than {@code MAX_DROPOUT} is accepted (a smaller
 * number than the highest means a wrap, and the cycle count grows by 2^16), a jump of more than
 * that but outside the misorder window is held as a possible restart and accepted only if the
 * next packet follows it, and anything within {@code MAX_MISORDER} behind is a duplicate or
 * reordered packet that counts as received without moving the highest number.
 *
 * <p>Two deliberate differences from the C code in A.1: sequence comparisons are done modulo
 * 2^16 (the C test {@code seq == s->max_seq + 1} is never true when {@code max_seq} is 65535,
 * since the sum is promoted to int), and the cycle count is a {@code long}, so it does not wrap
 * after 2^16 cycles. Not thread-safe: one per source, on the receive thread.
 */
public final class SequenceTracker {
    /** A.1: a forward jump of at least this many is suspicious. */
    public static final int MAX_DROPOUT = 3000;
    /** A.1: a backward step of up to this many is a late packet, not a restart. */
    public static final int MAX_MISORDER = 100;
    /** A.1: packets in sequence before a new source is valid. */
    public static final int MIN_SEQUENTIAL = 2;

    private final int minSequential;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;

    /** Starts tracking at the first packet heard from a source, with {@link #MIN_SEQUENTIAL}. */
    public SequenceTracker(int firstSequence) {
        this(firstSequence, MIN_SEQUENTIAL);
    }

    /**
     * As A.1's source setup: {@code init_seq(seq); max_seq = seq - 1; probation = MIN_SEQUENTIAL}.
     * The first packet still has to be passed to {@link #update}.
     *
     * @param minSequential packets in sequence, the first included, before the source counts:
     *     1 accepts the first packet, 2 (A.1's value) the second
     */
    public SequenceTracker(int firstSequence, int minSequential) {
        if (minSequential < 1) {
            throw new IllegalArgumentException("minSequential must be >= 1: " + minSequential);
        }
        this.minSequential = minSequential;
        init(firstSequence & 0xFFFF);
        maxSeq = RtpSequence.add(firstSequence, -1);
        probation = minSequential;
    }

    /** A.1 {@code init_seq}. */
    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = RtpSequence.MODULUS + 1; // never equal to a 16-bit number
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /**
     * A.1 {@code update_seq}: feeds one packet's sequence number.
     *
     * @return true when the packet is valid for this source and counted as received
     */
    public boolean update(int sequence) {
        int seq = sequence & 0xFFFF;
        int udelta = RtpSequence.forwardDistance(maxSeq, seq);
        if (probation > 0) {
            return onProbation(seq);
        }
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += RtpSequence.MODULUS; // wrapped: count another 64K cycle
            }
            maxSeq = seq;
        } else if (udelta <= RtpSequence.MODULUS - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = RtpSequence.next(seq);
                return false;
            }
            // Two sequential packets after a big jump: the sender restarted; re-sync.
            init(seq);
        }
        // else: duplicate or reordered packet, counted but does not move max_seq.
        received++;
        return true;
    }

    private boolean onProbation(int seq) {
        if (seq == RtpSequence.next(maxSeq)) {
            probation--;
            maxSeq = seq;
            if (probation == 0) {
                init(seq);
                received++;
                return true;
            }
        } else {
            probation = minSequential - 1;
            maxSeq = seq;
        }
        return false;
    }

    /** Whether the source is still on probation (A.1). */
    public boolean onProbation() {
        return probation > 0;
    }

    /** Highest sequence number seen, with 2^16 per wrap added (A.3 {@code extended_max}). */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** Packets counted as received since the source became valid (duplicates included, A.3). */
    public long received() {
        return received;
    }

    /** A.3 {@code expected = extended_max - base_seq + 1}. */
    public long expected() {
        return extendedHighestSequence() - baseSeq + 1;
    }

    /**
     * A.3 cumulative number of packets lost: expected minus received, negative when duplicates
     * outnumber losses, clamped to the 24-bit signed field of a report block (RFC 3550 §6.4.1).
     */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /**
     * A.3 fraction lost since the previous call, as the 8-bit fixed-point fraction of a report
     * block (lost / expected * 256), 0 when nothing was expected or duplicates made up for
     * losses. Moves the interval start, so call it once per report.
     */
    public int takeFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) ((lostInterval << 8) / expectedInterval);
    }
}
