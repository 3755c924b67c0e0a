// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.TransactionId;
import java.net.InetSocketAddress;

/**
 * One allocation (RFC 8656 §2.2, §7): the 5-tuple it belongs to (its {@link ClientLink}), the
 * relayed transport address, the username and key that authenticated it, its time to expiry, and
 * its permissions and channels.
 *
 * <p>Owned by one event loop (that of its link), like everything it holds: no locks. The key is
 * kept so that later requests on the same 5-tuple under the same username (Refresh,
 * CreatePermission, ChannelBind) are checked without deriving it again; whether the username is
 * still valid (REST expiry) is checked on each request all the same.
 */
final class Allocation {
    final ClientLink link;
    final String username;
    final byte[] key;
    final TransactionId allocateTransaction;
    final Permissions permissions;
    final Channels channels = new Channels();
    final BandwidthLimit toPeer;
    final BandwidthLimit toClient;
    RelayPort relay;
    /** XOR-RELAYED-ADDRESS as advertised (the bound address, or the configured public one). */
    InetSocketAddress relayedAddress;
    /** The encoded success response, resent if the Allocate is retransmitted (§7.2 step 2). */
    byte[] allocateResponse;
    long expiresAtMillis;
    boolean closed;
    /** Messages for the client are queued and its link is on the loop's flush list. */
    boolean linkDirty;
    /** The peer of the last Send indication, reused while it repeats (saves an address per datagram). */
    InetSocketAddress lastSendPeer;

    Allocation(ClientLink link, String username, byte[] key, TransactionId allocateTransaction,
            long permissionLifetimeMillis, int bandwidthKbps) {
        this.link = link;
        this.username = username;
        this.key = key;
        this.allocateTransaction = allocateTransaction;
        this.permissions = new Permissions(permissionLifetimeMillis);
        this.toPeer = BandwidthLimit.ofKbps(bandwidthKbps);
        this.toClient = BandwidthLimit.ofKbps(bandwidthKbps);
    }

    boolean liveAt(long nowMillis) {
        return !closed && nowMillis < expiresAtMillis;
    }

    /** Seconds left, for LIFETIME in Refresh responses. */
    long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }

    @Override
    public String toString() {
        return "Allocation[" + link.transport() + " " + link.client() + " -> " + relayedAddress + ", " + username + "]";
    }
}
