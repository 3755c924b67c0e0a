// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * The over-use detector of draft-ietf-rmcat-gcc-02 §5.4: m(i) above the threshold for at least
 * {@link #OVERUSE_TIME_US} while not falling signals over-use; below minus the threshold,
 * under-use; otherwise normal. The threshold adapts (§5.4 eq. 4) so that a path whose delay
 * simply jitters (or a competing TCP flow's queue) does not starve us:
 * <pre>  del_var_th(i) = del_var_th(i-1) + dt * K(i) * (|m(i)| - del_var_th(i-1))</pre>
 * with K = {@link #K_UP} when |m| is above the threshold and {@link #K_DOWN} below, skipped when
 * |m| exceeds it by more than {@link #MAX_EXCESS_MS} (a spike should not drag it up), and kept
 * within [{@link #MIN_THRESHOLD_MS}, {@link #MAX_THRESHOLD_MS}].
 */
final class OveruseDetector {
    enum Signal { NORMAL, OVERUSE, UNDERUSE }

    static final double K_UP = 0.01;
    static final double K_DOWN = 0.00018;
    static final double START_THRESHOLD_MS = 12.5;
    static final double MIN_THRESHOLD_MS = 6;
    static final double MAX_THRESHOLD_MS = 600;
    static final double MAX_EXCESS_MS = 15;
    static final long OVERUSE_TIME_US = 10_000;
    /** dt of the adaptation is capped, so a pause does not swing the threshold. */
    static final long MAX_DT_US = 100_000;

    private double threshold = START_THRESHOLD_MS;
    private long lastUs = Long.MIN_VALUE;
    private long overSinceUs = Long.MIN_VALUE;
    private double previousTrend;
    private Signal signal = Signal.NORMAL;

    /** Compares trend {@code m} (ms) computed at {@code nowUs} (arrival time of its group). */
    Signal detect(double m, long nowUs) {
        if (m > threshold) {
            if (overSinceUs == Long.MIN_VALUE) {
                overSinceUs = nowUs;
            }
            if (nowUs - overSinceUs >= OVERUSE_TIME_US && m >= previousTrend) {
                signal = Signal.OVERUSE;
            }
        } else if (m < -threshold) {
            overSinceUs = Long.MIN_VALUE;
            signal = Signal.UNDERUSE;
        } else {
            overSinceUs = Long.MIN_VALUE;
            signal = Signal.NORMAL;
        }
        previousTrend = m;
        adapt(m, nowUs);
        return signal;
    }

    private void adapt(double m, long nowUs) {
        if (lastUs == Long.MIN_VALUE) {
            lastUs = nowUs;
        }
        double excess = Math.abs(m) - threshold;
        if (excess <= MAX_EXCESS_MS) {
            double dtMs = Math.min(Math.max(nowUs - lastUs, 0), MAX_DT_US) / 1000.0;
            double k = Math.abs(m) < threshold ? K_DOWN : K_UP;
            threshold = Math.max(MIN_THRESHOLD_MS, Math.min(MAX_THRESHOLD_MS, threshold + dtMs * k * excess));
        }
        lastUs = nowUs;
    }

    Signal signal() {
        return signal;
    }

    double threshold() {
        return threshold;
    }

    void reset() {
        overSinceUs = Long.MIN_VALUE;
        lastUs = Long.MIN_VALUE;
        previousTrend = 0;
        signal = Signal.NORMAL;
    }
}
