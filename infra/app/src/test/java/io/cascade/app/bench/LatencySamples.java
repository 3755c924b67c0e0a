// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Latency samples of one path, counted only inside the measuring window (the readers run from
 * before it, so start-up backlogs are not measured), plus the frames that gave no reading.
 */
final class LatencySamples {
    final String path;
    final String unit;
    final double targetMs;
    private final List<Long> values = new ArrayList<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private long unreadable;
    private String note = "";

    /**
     * @param unit what one sample is (a frame shown, the first frame of a part, ...)
     */
    LatencySamples(String path, String unit, double targetMs) {
        this.path = path;
        this.unit = unit;
        this.targetMs = targetMs;
    }

    void window(long startMillis, long endMillis) {
        windowStart = startMillis;
        windowEnd = endMillis;
    }

    boolean inWindow(long atMillis) {
        return atMillis >= windowStart && atMillis < windowEnd;
    }

    synchronized void add(long atMillis, long latencyMillis) {
        if (inWindow(atMillis)) {
            values.add(latencyMillis);
        }
    }

    synchronized void unreadable(long atMillis) {
        if (inWindow(atMillis)) {
            unreadable++;
        }
    }

    synchronized void note(String text) {
        note = text;
    }

    synchronized String note() {
        return note;
    }

    synchronized int count() {
        return values.size();
    }

    synchronized long unreadable() {
        return unreadable;
    }

    /** Nearest-rank percentile in ms, NaN without samples. */
    synchronized double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
