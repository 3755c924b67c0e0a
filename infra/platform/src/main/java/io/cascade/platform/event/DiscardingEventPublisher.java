// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import java.util.concurrent.atomic.AtomicLong;

/** Null object for "no events": every event is counted as dropped. */
final class DiscardingEventPublisher implements EventPublisher {
    private final AtomicLong dropped = new AtomicLong();

    @Override
    public boolean publish(Event event) {
        dropped.incrementAndGet();
        return true;
    }

    @Override
    public PublisherStats stats() {
        long d = dropped.get();
        return new PublisherStats(d, 0, d, 0, 0);
    }

    @Override
    public void close() {}
}
