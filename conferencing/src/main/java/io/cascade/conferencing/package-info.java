// SPDX-License-Identifier: Apache-2.0
/**
 * Calls and meetings: the signaling WebSocket, users and policy, 1:1 calls and rooms, the
 * peer-to-peer versus SFU decision, the STUN/TURN server (package {@code turn}), in-call chat and
 * presence.
 */
package io.cascade.conferencing;
