// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

/**
 * Where a {@link DtlsServerSession} sends its records: one call is one UDP datagram to the peer.
 * Called from the session's handshake thread, never from the network event loop, so the
 * implementation must be thread-safe (a Netty {@code Channel.writeAndFlush} is). The array is the
 * sink's to keep; the session does not touch it again.
 */
@FunctionalInterface
public interface DatagramSink {
    /** Sends {@code datagram} (at most the session's MTU long). Must not throw; count failures. */
    void send(byte[] datagram);
}
