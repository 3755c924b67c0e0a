// SPDX-License-Identifier: Apache-2.0
/**
 * Broadcasts and their sources as the REST API sees them (ARCHITECTURE.md: {@code POST
 * /api/v1/broadcasts}, {@code .../sources}, {@code .../program}): each source has its own stream
 * key, a secret that is stored only as its SHA-256, compared in constant time and never logged;
 * each broadcast owns an {@link io.cascade.ingest.program.InputManager}.
 */
package io.cascade.ingest.broadcast;
