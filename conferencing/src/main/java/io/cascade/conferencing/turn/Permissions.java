// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * An allocation's permissions (RFC 8656 §9): peer IP addresses (ports do not matter) that may
 * exchange data through the relay, each for {@link TurnServerConfig#PERMISSION_LIFETIME} after it
 * was last installed or refreshed by CreatePermission or ChannelBind. "Note that a Send indication
 * never causes the server to refresh the permission" (§10.2), nor does data.
 *
 * <p>At most {@value #MAX} per allocation, so that one client cannot grow server memory without
 * bound; beyond, CreatePermission gets 508 (Insufficient Capacity, §9.2). Lives on the
 * allocation's event loop; not thread-safe.
 */
final class Permissions {
    static final int MAX = 256;
    private final long lifetimeMillis;
    private final Map<InetAddress, long[]> expiries = new HashMap<>();

    Permissions(long lifetimeMillis) {
        this.lifetimeMillis = lifetimeMillis;
    }

    /** Whether {@link #install} could take {@code count} new addresses now. */
    boolean hasRoomFor(int count) {
        return expiries.size() + count <= MAX;
    }

    /** Installs or refreshes the permission for {@code peer} until now + 5 minutes. */
    void install(InetAddress peer, long nowMillis) {
        long[] expiry = expiries.get(peer);
        if (expiry == null) {
            expiries.put(peer, new long[] {nowMillis + lifetimeMillis});
        } else {
            expiry[0] = nowMillis + lifetimeMillis;
        }
    }

    /** Whether relaying to or from {@code peer} is permitted at {@code nowMillis}. */
    boolean permits(InetAddress peer, long nowMillis) {
        long[] expiry = expiries.get(peer);
        return expiry != null && nowMillis < expiry[0];
    }

    boolean contains(InetAddress peer) {
        return expiries.containsKey(peer);
    }

    /** Forgets expired permissions. */
    void sweep(long nowMillis) {
        for (Iterator<long[]> it = expiries.values().iterator(); it.hasNext();) {
            if (nowMillis >= it.next()[0]) {
                it.remove();
            }
        }
    }

    int size() {
        return expiries.size();
    }
}
