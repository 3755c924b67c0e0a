// SPDX-License-Identifier: Apache-2.0
/**
 * Signaling for 1:1 calls: typed JSON messages over a WebSocket ({@link
 * io.cascade.conferencing.signaling.ClientMessage}, {@link io.cascade.conferencing.signaling.ServerMessage};
 * docs/signaling.md), authentication (JWT HS256 or the local dev token), presence, the calls
 * state machine ({@link io.cascade.conferencing.signaling.Calls}: invite, ringing, accept, decline,
 * busy, offline, timeout, glare, hangup), SDP and trickle ICE relay, capability negotiation
 * ({@link io.cascade.conferencing.signaling.CallConfig}), in-call chat with receipts, and the path
 * between nodes ({@link io.cascade.conferencing.signaling.HttpNodeLink}).
 *
 * <p>Specifications: RFC 6455 (WebSocket close codes), RFC 7519/7515/7518 and RFC 8725 (JWT,
 * HS256, algorithm pinning), RFC 8838 (trickle ICE), RFC 8829 (JSEP: the caller offers), W3C
 * WebRTC (RTCSessionDescriptionInit, RTCIceCandidateInit). Plain Java; the Quarkus adapters live in
 * the application (io.cascade.app.SignalingEndpoint).
 */
package io.cascade.conferencing.signaling;
