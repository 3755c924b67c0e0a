// SPDX-License-Identifier: Apache-2.0
/**
 * {@code bin/cascade bench turn}: our STUN/TURN server and coturn side by side under the same load
 * (STUN Binding rate; relay throughput and round trip with ChannelData and with Send/Data
 * indications), and the small blocking TURN client (RFC 8656 client side) the load generator and
 * the protocol tests share. Figures and the command: docs/BENCHMARKS.md.
 */
package io.cascade.conferencing.turn.bench;
