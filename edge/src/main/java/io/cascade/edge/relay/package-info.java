// SPDX-License-Identifier: Apache-2.0
/**
 * The HLS packager on the fabric: a feed subscribes to one rendition stream of the relay
 * ({@code bcast/{id}/{rendition}}), depacketizes its H.264 (RFC 6184) and AAC (RFC 3640) tracks and
 * pushes samples into the broadcast's {@link io.cascade.edge.hls.HlsRendition}, using the formats
 * the node's stream catalog describes.
 */
package io.cascade.edge.relay;
