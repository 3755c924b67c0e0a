// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound (no fixed sleeps in tests). */
final class Await {
    private Await() {}

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
