// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

/**
 * Counters of a publisher.
 *
 * @param accepted  events handed to {@link EventPublisher#publish}
 * @param delivered acknowledged by Kafka
 * @param dropped   lost: evicted from a full buffer, or out of attempts
 * @param retried   send attempts that failed and were queued again
 * @param pending   waiting in the buffer now
 */
public record PublisherStats(long accepted, long delivered, long dropped, long retried, int pending) {}
