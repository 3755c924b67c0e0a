// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * An allocation's relayed transport address (RFC 8656 §2): a UDP socket on the allocation's event
 * loop. Datagrams peers send to it go to {@link TurnShard#onPeerDatagram}.
 */
interface RelayPort {
    /** The bound local address. */
    InetSocketAddress localAddress();

    /**
     * Queues one datagram to {@code peer} and takes ownership of the buffer; it leaves with the
     * next flush of this event loop's batch.
     */
    void send(ByteBuf payload, InetSocketAddress peer);

    /** Closes the socket (the shard gives the port back to the pool). Idempotent. */
    void close();
}
