// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * A UDP client: the listening socket the client's datagrams arrive on, and the client's address.
 * With SO_REUSEPORT the kernel steers one 5-tuple to one socket, hence one event loop, for as long
 * as the socket set is unchanged; the allocation lives on that loop.
 */
final class UdpLink implements ClientLink {
    private final UdpSocket socket;
    private final InetSocketAddress client;

    /**
     * @param client the sender as the engine reported it; {@link InetSocketAddress} is immutable,
     *     so keeping the engine's instance is safe even where it is shared
     */
    UdpLink(UdpSocket socket, InetSocketAddress client) {
        this.socket = socket;
        this.client = client;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public ClientTransport transport() {
        return ClientTransport.UDP;
    }

    @Override
    public ByteBufAllocator alloc() {
        return socket.alloc();
    }

    @Override
    public void send(ByteBuf message) {
        socket.send(message, client);
    }

    @Override
    public void flush() {
        socket.flush();
    }

    @Override
    public Object allocationKey() {
        return client;
    }
}
