// SPDX-License-Identifier: Apache-2.0
/**
 * The relay node: one code base that is the broadcast origin, the per-format mid-tier, the edge
 * and the call server (SFU).
 *
 * <p>A {@link io.cascade.distribution.relay.RelayNode} owns a UDP engine; each engine socket is a
 * {@link io.cascade.distribution.relay.RelayShard} with its own thread, and every stream lives on
 * exactly one shard, so the packet path needs no locks. The path for one RTP packet, in order:
 * <ol>
 *   <li>demultiplex RTP / RTCP by the second octet (RFC 5761 §4, RFC 7983);</li>
 *   <li>find the stream track by SSRC and check the sender is the registered source (a simulcast
 *       layer announced by rid gets its SSRC bound from its first packet, RFC 8852);</li>
 *   <li>track sequence numbers (RFC 3550 A.1), queue NACKs for gaps (RFC 4585 §6.2.1);</li>
 *   <li>keep a copy for retransmission;</li>
 *   <li>fan out: per subscriber, copy, rewrite SSRC / sequence / timestamp into the subscriber's own
 *       space, queue for sending (flushed once per receive batch). Of a simulcast group (RFC 8853)
 *       a subscriber takes one layer, switching at a keyframe of the layer chosen for it
 *       ({@link io.cascade.distribution.relay.LayerSelector}, {@link io.cascade.distribution.relay.KeyframeFormat});
 *       the next tier's relay takes every layer and chooses per subscriber of its own.</li>
 * </ol>
 * RTCP from subscribers: receiver reports keep them alive; NACKs are answered from the cache (as
 * RTX, RFC 4588, where negotiated); PLI and FIR (RFC 4585 §6.3.1, RFC 5104 §4.3.1) are aggregated
 * and throttled toward the source. Each hop sends its own reports: RR upstream, SR downstream.
 *
 * <p>RFCs: 3550, 4585, 4588, 5104, 5761, 6184 (H.264 keyframes), 7741 (VP8 keyframes), 7983,
 * 8852 (rid), 8853 (simulcast); draft-ietf-rmcat-gcc-02 §6 (loss-based estimate; §5 delay-based from transport-cc feedback, package cc).
 */
package io.cascade.distribution.relay;
