// SPDX-License-Identifier: Apache-2.0
/**
 * The WebRTC transport shared by every tier that meets a browser (SFU, WHIP ingest, WHEP edges):
 * ICE-lite on one UDP port for all sessions (RFC 8445 §2.5), demultiplexed per RFC 7983 (STUN,
 * DTLS, SRTP) and by ICE username / remote address, with consent freshness (RFC 7675).
 *
 * <p>For clients whose UDP is blocked we rely on TURN over TCP/TLS (RFC 8656, served by the
 * conferencing module's TURN server) rather than ICE-TCP (RFC 6544): one mechanism that also
 * covers symmetric NATs, and browsers implement TURN/TLS more consistently than ICE-TCP.
 *
 * <p>RFCs: 8445, 7983, 7675, 8489.
 */
package io.cascade.distribution.webrtc;
