// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The bounded hand-off between the decoding thread and one encoder thread. Items own native
 * memory, so every item leaves exactly one way: taken by the consumer, or passed to
 * {@code release} (dropped on overflow, put after close, or still queued at abort).
 *
 * <p>On overflow, {@link OverflowPolicy#DROP_OLDEST} evicts the oldest item that is not
 * {@code protect}ed (the oldest of all when every queued item is), counts it, and accepts the new
 * one; {@link OverflowPolicy#BLOCK} waits for room.
 */
final class HandoffQueue<T> {

    private final int capacity;
    private final OverflowPolicy policy;
    private final Predicate<T> protect;
    private final Consumer<T> release;
    private final ArrayDeque<T> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long dropped;
    private boolean finished;
    private boolean aborted;

    HandoffQueue(int capacity, OverflowPolicy policy, Predicate<T> protect, Consumer<T> release) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.policy = Objects.requireNonNull(policy);
        this.protect = Objects.requireNonNull(protect);
        this.release = Objects.requireNonNull(release);
        this.items = new ArrayDeque<>(capacity);
    }

    /**
     * Enqueues {@code item}, taking ownership of it.
     *
     * @return items dropped to make room (0 or 1); also 1 when the queue was closed and the item
     *     itself was released
     */
    int put(T item) throws InterruptedException {
        T evicted = null;
        lock.lock();
        try {
            while (policy == OverflowPolicy.BLOCK && items.size() >= capacity && !finished && !aborted) {
                notFull.await();
            }
            if (finished || aborted) {
                evicted = item;
            } else {
                if (items.size() >= capacity) {
                    evicted = evictOne();
                    dropped++;
                }
                items.addLast(item);
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        if (evicted != null) {
            release.accept(evicted);
            return 1;
        }
        return 0;
    }

    private T evictOne() {
        for (Iterator<T> it = items.iterator(); it.hasNext();) {
            T candidate = it.next();
            if (!protect.test(candidate)) {
                it.remove();
                return candidate;
            }
        }
        return items.removeFirst();
    }

    /** The next item, waiting for one; null once finished and drained, or aborted. */
    T take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty() && !finished && !aborted) {
                notEmpty.await();
            }
            if (aborted || items.isEmpty()) {
                return null;
            }
            T item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** No more puts; the consumer drains what is queued, then {@link #take} returns null. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more puts or takes; queued items are released now. */
    void abort() {
        ArrayDeque<T> left;
        lock.lock();
        try {
            aborted = true;
            left = new ArrayDeque<>(items);
            items.clear();
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        left.forEach(release);
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
