// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/** Handlers the tests share. */
final class Echo {
    private Echo() {
    }

    /**
     * Sends each datagram back to its sender. The buffer is retained because the engine releases
     * its own reference after the call; the sender address is queued as is, which this engine
     * allows because Netty makes a fresh address per datagram.
     */
    static void echo(ByteBuf datagram, InetSocketAddress sender, UdpSocket socket) {
        socket.send(datagram.retain(), sender);
    }

    /** Config for tests: loopback, ephemeral ports, small batches and buffers. */
    static UdpEngineConfig config(int threads) {
        return UdpEngineConfig.defaults().withThreads(threads, 1).withSocketBuffers(1 << 20, 1 << 20);
    }
}
