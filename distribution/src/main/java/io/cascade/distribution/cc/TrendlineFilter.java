// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * Whether queues along the path are growing: the slope of the accumulated inter-group delay
 * variation against arrival time. The draft (draft-ietf-rmcat-gcc-02 §5.3) estimates the same
 * gradient with a Kalman filter; a least-squares line over the last {@link #WINDOW} groups is
 * simpler and does as well on jittery paths. Each variation is added to a running sum (the
 * queueing delay built up since the start, up to a constant), smoothed exponentially
 * ({@link #SMOOTHING}), and the line is fitted to the last {@link #WINDOW} (arrival ms, smoothed
 * sum ms) points. The slope (ms of delay per ms) is scaled to the delay it implies across a
 * window of up to {@link #SCALE_GROUPS} groups and by {@link #GAIN}, giving m(i) in
 * milliseconds, the quantity the detector compares with its threshold (§5.4). Plain arrays, no
 * allocation per update.
 */
final class TrendlineFilter {
    static final int WINDOW = 20;
    static final double SMOOTHING = 0.9;
    static final int SCALE_GROUPS = 60;
    static final double GAIN = 4.0;

    private final double[] x = new double[WINDOW];
    private final double[] y = new double[WINDOW];
    private int count;
    private int next;
    private long firstArrivalUs = Long.MIN_VALUE;
    private double accumulatedMs;
    private double smoothedMs;
    private int groups;
    private double trend;

    /** One group's variation {@code variationUs}, its last packet having arrived at {@code arrivalUs}. */
    double update(long arrivalUs, long variationUs) {
        if (firstArrivalUs == Long.MIN_VALUE) {
            firstArrivalUs = arrivalUs;
        }
        groups = Math.min(groups + 1, SCALE_GROUPS);
        accumulatedMs += variationUs / 1000.0;
        smoothedMs = SMOOTHING * smoothedMs + (1 - SMOOTHING) * accumulatedMs;
        x[next] = (arrivalUs - firstArrivalUs) / 1000.0;
        y[next] = smoothedMs;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        if (count == WINDOW) {
            trend = slope() * groups * GAIN;
        }
        return trend;
    }

    private double slope() {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < count; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= count;
        my /= count;
        double num = 0;
        double den = 0;
        for (int i = 0; i < count; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    /** m(i): the last modified trend, 0 until the window first fills. */
    double trend() {
        return trend;
    }

    void reset() {
        count = 0;
        next = 0;
        firstArrivalUs = Long.MIN_VALUE;
        accumulatedMs = 0;
        smoothedMs = 0;
        groups = 0;
        trend = 0;
    }
}
