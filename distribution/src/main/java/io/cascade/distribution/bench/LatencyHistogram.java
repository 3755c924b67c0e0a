// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

/**
 * A log-linear histogram of non-negative values (microseconds here), fixed size and
 * allocation-free when recording, in the manner of HdrHistogram (which is not in this build's
 * dependencies): values below 64 have a bucket each; above, each power of two is split into 32
 * buckets, so a reported percentile is within about 3% of the true value. Single-threaded.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 64;
    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** 2^6 .. 2^46 us (about 2 years) in 32 steps each. */
    private static final int BUCKETS = LINEAR + (Long.SIZE - 6 - 18) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    public void record(long value) {
        long v = Math.max(0, value);
        counts[Math.min(BUCKETS - 1, index(v))]++;
        total++;
        max = Math.max(max, v);
    }

    /** Adds every value recorded in {@code other}. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /**
     * Adds {@code count} values to bucket {@code index} of this layout, as a histogram kept
     * elsewhere in the same layout reports them (the native receiver, {@code tsrecv.c}).
     *
     * @throws IllegalArgumentException for an index outside the layout or a negative count
     */
    void addBucket(int index, long count) {
        if (index < 0 || index >= BUCKETS || count < 0) {
            throw new IllegalArgumentException("bucket " + index + " count " + count);
        }
        counts[index] += count;
        total += count;
    }

    /** Raises the maximum to {@code value}, the exact maximum a bucket count does not carry. */
    void includeMax(long value) {
        max = Math.max(max, value);
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    /**
     * The smallest bucket value at or below which {@code percentile} percent of the values lie
     * (the bucket's midpoint, the exact value below 64); 0 when empty.
     */
    public long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        if (rank >= total) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.min(max, midpoint(i));
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value); // >= 6
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return LINEAR + (exponent - 6) * SUB_BUCKETS + sub;
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB_BUCKETS + 6;
        int sub = (index - LINEAR) % SUB_BUCKETS;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }

    private static long midpoint(int index) {
        if (index < LINEAR) {
            return index;
        }
        return (lowerBound(index) + lowerBound(index + 1) - 1) / 2;
    }
}
