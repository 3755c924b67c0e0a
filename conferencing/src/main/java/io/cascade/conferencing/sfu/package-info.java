// SPDX-License-Identifier: Apache-2.0
/**
 * The rooms' SFU on a relay node's WebRTC gateway ({@link io.cascade.conferencing.sfu.GatewaySfu}):
 * members publish to and play from the gateway of the node they are connected to; a stream
 * published on another node is pulled through the relay tier (docs/signaling.md, "Rooms across
 * nodes"; docs/relay-api.md).
 */
package io.cascade.conferencing.sfu;
