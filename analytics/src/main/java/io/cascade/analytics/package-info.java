// SPDX-License-Identifier: Apache-2.0
/**
 * Analytics: Kafka Streams topologies over platform events (calls, config changes, viewers, quality
 * samples), interactive queries for reports, and an archive in the chunk store.
 */
package io.cascade.analytics;
