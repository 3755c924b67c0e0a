// SPDX-License-Identifier: Apache-2.0
/**
 * Viewer counts per broadcast. HLS is stateless HTTP, so an HLS viewer is a distinct client that
 * fetched one of the broadcast's playlists recently (a live player reloads its playlist every
 * part or segment); a WHEP viewer is a session. See {@link io.cascade.edge.viewers.RecentClients}
 * for what "distinct" can and cannot tell apart.
 */
package io.cascade.edge.viewers;
