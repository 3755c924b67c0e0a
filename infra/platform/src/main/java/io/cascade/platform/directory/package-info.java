// SPDX-License-Identifier: Apache-2.0
/**
 * The directory on Infinispan: nodes with a TTL heartbeat, looked up by role and region; a session
 * registry (user -> node); which nodes serve which stream; {@link io.cascade.platform.directory.Assignments}:
 * workers on short leases and the units of work (transcode formats) each holds, claimed by
 * compare-and-set.
 */
package io.cascade.platform.directory;
