// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

/**
 * Round-trip times in whole microseconds, counted per microsecond up to 100 ms (beyond that in the
 * last bucket): exact percentiles for what a loopback benchmark sees, fixed memory, no allocation
 * per sample. Single-threaded.
 */
final class LatencyRecorder {
    private static final int MAX_MICROS = 100_000;
    private final int[] counts = new int[MAX_MICROS + 1];
    private long total;

    void record(long nanos) {
        int micros = (int) Math.min(MAX_MICROS, Math.max(0, nanos / 1000));
        counts[micros]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The smallest value (µs) at or below which {@code fraction} of the samples lie; -1 when empty. */
    int percentileMicros(double fraction) {
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int micros = 0; micros < counts.length; micros++) {
            seen += counts[micros];
            if (seen >= rank) {
                return micros;
            }
        }
        return MAX_MICROS;
    }
}
