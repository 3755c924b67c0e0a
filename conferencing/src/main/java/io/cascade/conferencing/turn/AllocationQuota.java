// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Allocation quotas: per username, as RFC 8656 §7.2 step 10 recommends ("based on the username
 * used to authenticate the request and not on the client's transport address"), and in total.
 * Exceeding either is 486 (Allocation Quota Reached). Shared by all event loops.
 */
final class AllocationQuota {
    private final int perUser;
    private final int total;
    private final AtomicInteger inUse = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byUser = new ConcurrentHashMap<>();

    AllocationQuota(int perUser, int total) {
        this.perUser = perUser;
        this.total = total;
    }

    /** Takes one allocation for {@code username}; false when a quota is full. */
    boolean tryAcquire(String username) {
        if (inUse.incrementAndGet() > total) {
            inUse.decrementAndGet();
            return false;
        }
        boolean[] granted = {false};
        byUser.compute(username, (name, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < perUser) {
                c.incrementAndGet();
                granted[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        if (!granted[0]) {
            inUse.decrementAndGet();
        }
        return granted[0];
    }

    /** Gives back one allocation of {@code username}. */
    void release(String username) {
        byUser.computeIfPresent(username, (name, count) -> count.decrementAndGet() <= 0 ? null : count);
        inUse.decrementAndGet();
    }

    /** Allocations held now. */
    int inUse() {
        return inUse.get();
    }
}
