// SPDX-License-Identifier: Apache-2.0
/**
 * The media fabric: the RTP/RTCP model, the UDP engine, buffer pools, the relay node (publish,
 * subscribe, fan-out with per-subscriber header rewriting, NACK/RTX, keyframe requests), the
 * links between tiers (origin, mid-tier, edge are one code base configured three ways), the
 * relay control API, and the WebRTC transport (STUN codec, ICE-lite, DTLS-SRTP, SDP) that every
 * tier meeting a browser uses.
 */
package io.cascade.distribution;
