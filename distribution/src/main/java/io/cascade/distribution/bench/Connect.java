// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Starts a batch of synthetic peers with a bounded number of offers in flight, as a ramp step connects. */
final class Connect {
    private Connect() {
    }

    /**
     * Starts {@code count} peers ({@code start.apply(i)} for i in 0..count-1), {@code atOnce} in
     * flight, and waits for all of them.
     *
     * @return null, or why some did not connect
     */
    static String all(int count, IntFunction<CompletableFuture<?>> start, int atOnce, String what)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(atOnce);
        List<CompletableFuture<?>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
                return "connecting " + what + " stalled after " + i;
            }
            started.add(start.apply(i).whenComplete((v, e) -> inFlight.release()));
        }
        int failed = 0;
        String first = null;
        for (CompletableFuture<?> f : started) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                failed++;
                first = first == null ? String.valueOf(e.getCause() == null ? e : e.getCause()) : first;
            }
        }
        return failed == 0 ? null : failed + " of " + started.size() + " " + what + " did not connect, first: " + first;
    }
}
