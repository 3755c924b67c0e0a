// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import java.util.Objects;

/**
 * A worker's claim to be alive, renewed every few hundred milliseconds (much faster than the node
 * heartbeat, which is sized for routing, not for fail-over).
 *
 * @param worker          worker id (the node id)
 * @param capacity        how many units it can run at once
 * @param expiresAtMillis the lease ends here unless renewed (judged with the reader's clock)
 */
public record WorkerLease(String worker, int capacity, long expiresAtMillis) {

    public WorkerLease {
        Objects.requireNonNull(worker, "worker");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
    }
}
