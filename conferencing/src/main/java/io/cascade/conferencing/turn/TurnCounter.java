// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

/**
 * What the server counts. The packet path never logs or throws: each datagram it refuses lands
 * in exactly one {@code DROPPED_*} counter, so a drop is always explained by a metric.
 */
public enum TurnCounter {
    /** Binding requests answered (RFC 8489 and RFC 3489 forms). */
    BINDING_ANSWERED,
    /** Allocations created. */
    ALLOCATIONS_CREATED,
    /** Allocations deleted: refreshed to zero, expired, or their TCP connection closed. */
    ALLOCATIONS_DELETED,
    /** Datagrams relayed from a client to a peer (ChannelData or Send indication). */
    RELAYED_TO_PEER,
    /** Datagrams relayed from a peer to a client (ChannelData or Data indication). */
    RELAYED_TO_CLIENT,
    /** 401 responses sent (challenges and wrong credentials). */
    CHALLENGES_SENT,
    /** Error responses other than 401. */
    ERRORS_SENT,
    /** Not STUN, not ChannelData, or failing the codec's checks. */
    DROPPED_MALFORMED,
    /** Well-formed but meaningless here: responses, unknown indications, wrong FINGERPRINT. */
    DROPPED_UNEXPECTED,
    /** ChannelData or Send indication from a 5-tuple without an allocation. */
    DROPPED_NO_ALLOCATION,
    /** ChannelData on an unbound or expired channel. */
    DROPPED_NO_CHANNEL,
    /** Relay traffic to or from a peer without a permission (RFC 8656 §9). */
    DROPPED_NO_PERMISSION,
    /** Send indication to a peer the policy refuses (the server's own non-relay ports). */
    DROPPED_FORBIDDEN_PEER,
    /** Over the allocation's bandwidth quota. */
    DROPPED_BANDWIDTH,
    /** A peer datagram that filled the receive slot and may have been cut short. */
    DROPPED_OVERSIZE,
    /** Unauthenticated request over the per-source rate: no response at all. */
    DROPPED_RATE_LIMITED,
    /** A stream client that does not read fast enough (its connection's buffer is full). */
    DROPPED_CLIENT_BACKPRESSURE,
    /** The relay socket's send buffer is full (the kernel cannot keep up): datagram dropped. */
    DROPPED_RELAY_BACKPRESSURE,
    /** Errors a relay socket reported (ICMP unreachable from a peer, a refused send). */
    RELAY_IO_ERRORS,
    /** Requests refused by the peer policy with 403. */
    FORBIDDEN_PEER_REQUESTS
}
