// SPDX-License-Identifier: Apache-2.0
/**
 * The directory on Infinispan: nodes with a TTL heartbeat, looked up by role and region; a session
 * registry (user -> node); which nodes serve which stream.
 */
package io.cascade.platform.directory;
