// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

/** Sends events to the other services. Never blocks and never throws at its caller. */
public interface EventPublisher extends AutoCloseable {

    /**
     * Queues the event. Returns false when it could not be queued (publisher closed); a full
     * buffer drops the oldest queued event instead, and counts it.
     */
    boolean publish(Event event);

    PublisherStats stats();

    @Override
    void close();

    /** The "off" publisher: counts and discards. */
    static EventPublisher discarding() {
        return new DiscardingEventPublisher();
    }
}
