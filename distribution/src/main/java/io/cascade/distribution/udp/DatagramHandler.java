// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Receives datagrams on the socket's event-loop thread.
 *
 * <p>The buffer is borrowed: it is valid only during the call and released by the engine after
 * it returns; call {@code retain()} (and later {@code release()}) to keep it. Implementations must
 * not throw: a bad datagram is counted and dropped by the handler itself. The sender address may
 * be a shared instance: do not keep it beyond the call unless the handler copies what it needs.
 */
@FunctionalInterface
public interface DatagramHandler {
    void onDatagram(ByteBuf datagram, InetSocketAddress sender, UdpSocket socket);

    /**
     * The end of one receive batch on {@code socket} (one recvmmsg(2), or one NIO read loop), after
     * its last {@link #onDatagram} and before the engine flushes what was queued: the place to
     * send what the handler gathered over the batch (UDP GSO runs). Same thread, same rule: do
     * not throw. A handler that wraps another must pass this call on.
     */
    default void onBatchEnd(UdpSocket socket) {
    }
}
