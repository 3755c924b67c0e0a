// SPDX-License-Identifier: Apache-2.0
/**
 * Tiers: origin, mid-tier and edge are the same relay, configured by {@link io.cascade.distribution.tier.TierRole}.
 * A downstream node pulls a stream from an upstream on first local demand
 * ({@link io.cascade.distribution.tier.StreamPuller}), choosing the upstream through the directory:
 * edges pick a mid-tier by the stream's format with rendezvous hashing (so every edge asks the same
 * mid for {@code 720p}, and losing a mid moves only its formats), mids pick an origin that announced
 * the stream. When the upstream goes silent the puller re-pulls from the next candidate and
 * re-points the local stream, which keeps every subscriber's sequence numbers continuous. A pulled
 * stream with no subscribers for a grace period is released upstream.
 */
package io.cascade.distribution.tier;
