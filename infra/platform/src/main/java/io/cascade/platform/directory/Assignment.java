// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import java.util.Objects;

/**
 * Who holds one unit of work (a transcode format such as {@code b42/ladder}) right now.
 *
 * @param key         the unit of work, unique in the cluster
 * @param holder      the worker that runs it; null while nobody does (no live worker had room)
 * @param epoch       1 for the first placement, +1 on every change of holder: a worker that sees
 *                    a higher epoch under another holder knows it lost the unit
 * @param previous    the holder before this one (null on the first placement), for events
 * @param sinceMillis when the current holder got it (wall clock of the node that wrote it)
 */
public record Assignment(String key, String holder, long epoch, String previous, long sinceMillis) {

    public Assignment {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("assignment key is blank");
        }
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be >= 1, got " + epoch);
        }
    }

    public boolean heldBy(String worker) {
        return worker.equals(holder);
    }

    /** The next state: held by {@code next} (null: nobody), epoch + 1. */
    Assignment movedTo(String next, long nowMillis) {
        return new Assignment(key, next, epoch + 1, holder, nowMillis);
    }
}
