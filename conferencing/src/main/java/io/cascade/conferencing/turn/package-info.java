// SPDX-License-Identifier: Apache-2.0
/**
 * The STUN/TURN server ("connector" and "call server"): STUN Binding for server-reflexive
 * addresses, and TURN relaying for clients that cannot reach each other directly.
 *
 * <p>Specifications:
 * <ul>
 *   <li>RFC 8489 (STUN; RFC 5389 compatible): Binding over UDP, TCP and TLS; XOR-MAPPED-ADDRESS;
 *       FINGERPRINT; MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256; the long-term credential
 *       mechanism (§9.2) with REALM, stateless NONCE and 438 Stale Nonce; 420 with
 *       UNKNOWN-ATTRIBUTES. §12: RFC 3489 Binding requests (no magic cookie) get MAPPED-ADDRESS.
 *   <li>RFC 8656 (TURN; RFC 5766 compatible): Allocate, Refresh, CreatePermission, ChannelBind,
 *       Send and Data indications, ChannelData; lifetimes, 300 s permissions and 600 s channels;
 *       EVEN-PORT and RESERVATION-TOKEN; UDP relay; clients over UDP, TCP and TLS.
 *       REQUESTED-ADDRESS-FAMILY for the relay's one family; dual allocation answered with
 *       ADDRESS-ERROR-CODE 440. Channel numbers in RFC 5766's wider range (see ChannelFrame).
 *   <li>RFC 7065 / RFC 8656 §3.1: the "turns" port for TLS-over-TCP (5349).
 *   <li>draft-uberti-behave-turn-rest-00: ephemeral credentials from a shared secret.
 * </ul>
 *
 * <p>Threads and the packet path. The UDP listening port is bound once per event loop with
 * SO_REUSEPORT (the fabric's UDP engine), so the kernel steers each client 5-tuple to one loop.
 * Each loop has a {@link io.cascade.conferencing.turn.TurnShard} holding its allocations; an
 * allocation's relay socket is a Netty channel on the same loop, so the whole path, client
 * socket -> allocation -> relay socket and back, runs on one thread without locks. TCP and TLS
 * connections run on loops of their own, with a shard each. The data plane is {@code RelayPath}:
 * ChannelData and Send indications are read in place and forwarded as slices of the received
 * buffer; peer datagrams are copied once behind a 4-byte ChannelData header or into a Data
 * indication. Writes are flushed once per batch (sendmmsg on epoll). Each refused datagram is
 * counted in one {@link io.cascade.conferencing.turn.TurnCounter}; nothing on the path logs,
 * throws or allocates besides the outgoing buffer and Netty's per-datagram envelope.
 *
 * <p>Safe by default (coturn CVE-2018-4058, CVE-2020-26262): {@link
 * io.cascade.conferencing.turn.PeerPolicy} refuses non-public peers with 403 in every encoding,
 * IPv4-mapped IPv6 included; quotas per user, in total and in bandwidth; stateless nonces; a
 * per-source rate on answers to unauthenticated requests; no answer ever larger than a few dozen
 * bytes to an unauthenticated request, and nothing relayed without authentication.
 */
package io.cascade.conferencing.turn;
