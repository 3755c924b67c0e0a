// SPDX-License-Identifier: Apache-2.0
/**
 * The relay control API ({@code docs/relay-api.md}): JSON over HTTP on each node, to open a publish
 * endpoint, add and remove subscribers, and list streams with stats. Tiers call each other through
 * it with a bearer token. {@link io.cascade.distribution.control.RelayControlApi} serves it as a
 * Vert.x router (mounted on the application's HTTP server, or on a server of its own in tests);
 * {@link io.cascade.distribution.control.RelayControlClient} calls it.
 */
package io.cascade.distribution.control;
