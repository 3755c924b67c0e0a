// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one output. Written by that output's single producing thread, read by anyone;
 * atomics rather than adders because there is one writer.
 */
public final class OutputCounters {

    private static final long NONE = Long.MIN_VALUE;

    private final String name;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong firstPts = new AtomicLong(NONE);
    private final AtomicLong lastEnd = new AtomicLong(NONE);

    public OutputCounters(String name) {
        this.name = name;
    }

    /** Records one delivered frame or packet spanning {@code [pts, pts + durationMicros)}. */
    public void delivered(int size, long ptsMicros, long durationMicros) {
        frames.incrementAndGet();
        bytes.addAndGet(size);
        firstPts.compareAndSet(NONE, ptsMicros);
        long end = ptsMicros + durationMicros;
        if (end > lastEnd.get()) {
            lastEnd.set(end);
        }
    }

    public void dropped(long count) {
        dropped.addAndGet(count);
    }

    public OutputStats snapshot() {
        long first = firstPts.get();
        long end = lastEnd.get();
        long media = first == NONE || end == NONE ? 0 : Math.max(0, end - first);
        return new OutputStats(name, frames.get(), dropped.get(), bytes.get(), media);
    }
}
