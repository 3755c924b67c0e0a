// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The client side of a 5-tuple: where responses, Data indications and ChannelData go. A UDP link
 * is the listening socket plus the client's address; a stream link is one TCP or TLS connection.
 *
 * <p>All methods are called on the event loop that owns the link's allocation.
 */
interface ClientLink {
    /** The client's transport address as the server sees it (XOR-MAPPED-ADDRESS). */
    InetSocketAddress client();

    ClientTransport transport();

    /** Buffers for messages to this client. */
    ByteBufAllocator alloc();

    /**
     * Queues a whole message (STUN, or ChannelData padded as {@link #transport()} needs) and takes
     * ownership of the buffer. Never throws: a link that cannot take it drops and counts.
     */
    void send(ByteBuf message);

    /** Sends what {@link #send} queued. */
    void flush();

    /** The key of this link's allocation in its shard's table. */
    Object allocationKey();
}
