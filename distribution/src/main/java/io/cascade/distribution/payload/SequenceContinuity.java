// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.RtpSequence;

/**
 * Tells, packet by packet, whether sequence numbers run on (RFC 3550 §5.1): how many were
 * skipped, or that a packet is stale. A packet up to {@value #MAX_MISORDER} behind the newest is a
 * duplicate or a late retransmission and is ignored; one further behind means the sender
 * restarted its numbering (RFC 3550 Appendix A.1 uses the same MAX_MISORDER of 100), which is
 * taken as a loss of unknown size and followed.
 */
final class SequenceContinuity {
    static final int STALE = -1;
    static final int MAX_MISORDER = 100;

    private int last = -1;

    /** Whether no packet has been seen yet. */
    boolean isFirst() {
        return last < 0;
    }

    /**
     * @return {@link #STALE} for a packet to ignore, else how many sequence numbers were skipped
     *     before this one (0 when it is the next one, or the first one)
     */
    int next(int sequenceNumber) {
        if (last < 0) {
            last = sequenceNumber;
            return 0;
        }
        int delta = RtpSequence.delta(last, sequenceNumber);
        if (delta <= 0 && delta >= -MAX_MISORDER) {
            return STALE;
        }
        last = sequenceNumber;
        return delta > 0 ? delta - 1 : 1;
    }
}
