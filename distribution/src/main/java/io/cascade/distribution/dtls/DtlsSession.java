// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.util.concurrent.CompletableFuture;

/**
 * One peer's DTLS 1.2 association for DTLS-SRTP (RFC 5764), whichever side of the handshake we
 * are: {@link DtlsServerSession} when the peer's SDP said {@code active} or {@code actpass}
 * (browsers), a client session when it said {@code passive} (ffmpeg's WHIP muxer).
 */
public interface DtlsSession extends AutoCloseable {

    /**
     * Hands the session one datagram demultiplexed as DTLS (RFC 7983: first byte 20..63). Copies
     * it; never blocks; never throws for any content.
     *
     * @return false if it was dropped (queue full, empty, oversized, session over); counted
     */
    boolean receive(byte[] datagram, int offset, int length);

    /** @return completes once, with keys or a failure, within the settings' handshake timeout */
    CompletableFuture<DtlsHandshakeResult> handshake();

    /** @return completes when the session's thread has finished */
    CompletableFuture<Void> terminated();

    /** Ends the session: a pending handshake fails, an established one sends close_notify. */
    @Override
    void close();
}
