// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * Extends 16-bit sequence numbers to a 64-bit count that keeps increasing across wraps, so
 * downstream code (NACK lists, jitter buffers, transport-cc) can sort and subtract without
 * modular arithmetic. Each number is placed at the position nearest to the last one returned
 * (within ±2^15, {@link RtpSequence#delta}), which is right as long as reordering stays under
 * half the sequence space. Unlike {@link SequenceTracker} it has no probation: every input maps.
 *
 * <p>The first number maps to itself. Numbers before it (reordering at the very start) map to
 * values below it, possibly negative; callers that need non-negative values start from a base.
 * Not thread-safe: one per stream, on the stream's thread.
 */
public final class SequenceUnwrapper {
    private boolean started;
    private long last;

    /** The extended value of {@code sequence} (0..65535); updates the reference point. */
    public long unwrap(int sequence) {
        if (!started) {
            started = true;
            last = sequence & 0xFFFF;
            return last;
        }
        last += RtpSequence.delta((int) last, sequence);
        return last;
    }

    /** The extended value {@code sequence} would get, without moving the reference point. */
    public long peek(int sequence) {
        return started ? last + RtpSequence.delta((int) last, sequence) : sequence & 0xFFFF;
    }

    /** The last value returned by {@link #unwrap}, or -1 before the first call. */
    public long last() {
        return started ? last : -1;
    }
}
