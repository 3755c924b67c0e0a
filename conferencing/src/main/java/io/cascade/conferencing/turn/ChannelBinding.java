// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetSocketAddress;

/**
 * One channel (RFC 8656 §12): a number bound to a peer transport address for
 * {@link TurnServerConfig#CHANNEL_LIFETIME} after the last ChannelBind. Mutable only in its
 * expiry; lives on its allocation's event loop.
 */
final class ChannelBinding {
    final int number;
    final InetSocketAddress peer;
    long expiresAtMillis;

    ChannelBinding(int number, InetSocketAddress peer, long expiresAtMillis) {
        this.number = number;
        this.peer = peer;
        this.expiresAtMillis = expiresAtMillis;
    }

    boolean liveAt(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }
}
