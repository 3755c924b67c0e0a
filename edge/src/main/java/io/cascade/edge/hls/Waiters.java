// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Requests held until the rendition publishes what they wait for (blocking playlist reload and
 * preload-hinted parts, RFC 8216bis §6.2.5.2 and §6.2.6). No thread waits: each waiter is a
 * condition on the next snapshot plus a callback, completed by whoever publishes (the packager's
 * thread) or by the sweep that finds its deadline passed. The owner serializes every call.
 */
final class Waiters {
    /** How a held request ends. */
    enum Outcome { READY, TIMEOUT, GONE }

    private record Waiter(Predicate<TimelineSnapshot> until, long deadlineMillis, Consumer<Outcome> callback) {
    }

    private final List<Waiter> waiting = new ArrayList<>();
    private final int capacity;

    Waiters(int capacity) {
        this.capacity = capacity;
    }

    /** @return false when full (the caller answers 503 at once) */
    boolean add(Predicate<TimelineSnapshot> until, long deadlineMillis, Consumer<Outcome> callback) {
        if (waiting.size() >= capacity) {
            return false;
        }
        waiting.add(new Waiter(until, deadlineMillis, callback));
        return true;
    }

    /** Removes the waiters this snapshot satisfies or whose deadline passed; returns their completions. */
    List<Runnable> take(TimelineSnapshot snapshot, long nowMillis) {
        List<Runnable> done = new ArrayList<>();
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
            Waiter w = it.next();
            if (w.until().test(snapshot)) {
                it.remove();
                done.add(() -> w.callback().accept(Outcome.READY));
            } else if (nowMillis >= w.deadlineMillis()) {
                it.remove();
                done.add(() -> w.callback().accept(Outcome.TIMEOUT));
            }
        }
        return done;
    }

    /** Removes every waiter, each to be told the rendition is gone. */
    List<Runnable> takeAll() {
        List<Runnable> done = new ArrayList<>();
        for (Waiter w : waiting) {
            done.add(() -> w.callback().accept(Outcome.GONE));
        }
        waiting.clear();
        return done;
    }

    int size() {
        return waiting.size();
    }
}
