// SPDX-License-Identifier: Apache-2.0
/**
 * The origin: a broadcast's program, as the input manager makes it, becomes a relay stream
 * {@code bcast/{id}/program}: H.264 packetized per RFC 6184 (SPS/PPS repeated before every IDR,
 * since nothing between tiers carries SDP) and AAC per RFC 3640 (AAC-hbr) on a 48 kHz clock,
 * described in the node's {@link io.cascade.distribution.tap.StreamCatalog}.
 */
package io.cascade.ingest.origin;
