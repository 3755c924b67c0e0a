// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.netty.buffer.ByteBuf;

/**
 * A synthetic WebRTC peer hosted by a {@link ViewerFleet} on one UDP socket: a WHEP viewer
 * ({@link WhepViewer}) or a simulcast publisher ({@link SimulcastPublisher}). Every method runs on
 * the socket's thread, except {@link #close}.
 */
interface SyntheticPeer {
    /** A datagram from the gateway. */
    void onDatagram(ByteBuf datagram);

    /** Sends what is due; returns whether anything was queued (the caller flushes). */
    boolean tick(long nowNanos);

    /** Adds this peer's counts into {@code into}. */
    void addTo(ViewerTotals into);

    /** Why the peer failed, or what went wrong on its packet path (SRTP failures), or null. */
    String failure();

    /** Ends the DTLS association; from any thread. */
    void close();
}
