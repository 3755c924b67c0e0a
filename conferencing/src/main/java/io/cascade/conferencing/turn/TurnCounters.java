// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, monotonic since start. Every event-loop thread adds to them; {@link
 * LongAdder} keeps that contention-free (one cell per thread in practice).
 */
public final class TurnCounters {
    private final LongAdder[] adders = new LongAdder[TurnCounter.values().length];

    public TurnCounters() {
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    void increment(TurnCounter counter) {
        adders[counter.ordinal()].increment();
    }

    void add(TurnCounter counter, long amount) {
        adders[counter.ordinal()].add(amount);
    }

    public long get(TurnCounter counter) {
        return adders[counter.ordinal()].sum();
    }

    /** All counters now, in declaration order. */
    public Map<TurnCounter, Long> snapshot() {
        Map<TurnCounter, Long> values = new EnumMap<>(TurnCounter.class);
        for (TurnCounter counter : TurnCounter.values()) {
            values.put(counter, get(counter));
        }
        return values;
    }
}
