// SPDX-License-Identifier: Apache-2.0
/**
 * Viewer routing: which edges a viewer of a broadcast should use, best first, with the playback
 * URLs (LL-HLS and WHEP) on each. Candidates come from the node directory; this package only
 * ranks, so it stays free of the platform.
 */
package io.cascade.edge.route;
