// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.io.IOException;

/**
 * Opens relay sockets on one event loop. Production binds Netty channels ({@link
 * NettyRelayPorts}); tests substitute a recording fake.
 */
interface RelayPorts {
    /**
     * Binds a relay socket on {@code port} whose received datagrams go to {@code owner}.
     *
     * @throws IOException when the port cannot be bound (another process holds it)
     */
    RelayPort open(int port, Allocation owner) throws IOException;
}
