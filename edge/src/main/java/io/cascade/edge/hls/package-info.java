// SPDX-License-Identifier: Apache-2.0
/**
 * LL-HLS packaging and serving: renditions cut into parts and segments ({@link
 * io.cascade.edge.hls.RenditionPackager}), their playlists, blocking playlist reload and preload
 * hints, and the Vert.x HTTP front ({@link io.cascade.edge.hls.HlsHttp}). User guide: docs/hls.md.
 *
 * <p>Specifications:
 * <ul>
 *   <li>draft-pantos-hls-rfc8216bis (HTTP Live Streaming 2nd edition, protocol version 9+):
 *       §4.4.3.7 EXT-X-PART-INF, §4.4.3.8 EXT-X-SERVER-CONTROL, §4.4.4.9 EXT-X-PART,
 *       §4.4.5.2 EXT-X-SKIP, §4.4.5.3 EXT-X-PRELOAD-HINT, §4.4.5.4 EXT-X-RENDITION-REPORT,
 *       §4.4.6.2 EXT-X-STREAM-INF, §6.2.1-§6.2.2 live playlists, §6.2.5.1 delta updates,
 *       §6.2.5.2 blocking playlist reload, §6.2.6 preload hints.</li>
 *   <li>Apple, "Enabling Low-Latency HTTP Live Streaming (HLS)": PART-HOLD-BACK of 3 part targets,
 *       delivery directives, rendition reports.</li>
 *   <li>RFC 6381 (CODECS), RFC 9110 (HTTP semantics), RFC 9111 (Cache-Control), Fetch (CORS).</li>
 * </ul>
 */
package io.cascade.edge.hls;
