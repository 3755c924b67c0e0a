// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

/** How the engine's sockets share ports. */
public enum UdpBindMode {
    /**
     * Every socket has its own port: socket {@code i} binds {@code basePort + i}, or an ephemeral
     * port each when the base port is 0. Peers pick the thread by picking the port (a relay
     * hands each session the port of a thread).
     */
    PORT_PER_THREAD,
    /**
     * All sockets bind the same port with SO_REUSEPORT (socket(7)); the kernel spreads incoming
     * datagrams over them by a hash of the 4-tuple, so one peer always lands on the same socket.
     * Epoll only: the NIO fallback refuses it at start.
     */
    REUSE_PORT
}
