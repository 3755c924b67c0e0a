// SPDX-License-Identifier: Apache-2.0
/**
 * The event model (one typed record, one JSON form: docs/events.md), a Kafka publisher that never
 * blocks its caller, and a consumer helper.
 */
package io.cascade.platform.event;
