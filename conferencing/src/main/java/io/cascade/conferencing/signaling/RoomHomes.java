// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Which signaling node a room lives on (its home, docs/signaling.md "Rooms across nodes"): the
 * node of its first joiner, claimed with {@code putIfAbsent} in a replicated Infinispan cache
 * ({@value #CACHE}), so that of two first joiners on two nodes one wins and the other's join goes
 * to the winner. The home releases the claim when the room empties; a claim whose node is dead
 * (its directory heartbeat stopped) is taken over by the next join. Calls are local reads and, on
 * a room's first join or last leave, one cluster write: fine on the signaling thread.
 */
public final class RoomHomes {
    public static final String CACHE = "cascade-rooms";
    public static final List<String> CACHES = List.of(CACHE);

    private final ConcurrentMap<String, String> claims;
    private final String self;
    private final Predicate<String> alive;

    /** @param claims the cache (an Infinispan {@code BasicCache} in a cluster; any map on one node) */
    public RoomHomes(ConcurrentMap<String, String> claims, String self, Predicate<String> alive) {
        this.claims = claims;
        this.self = self;
        this.alive = alive;
    }

    /** One node alone: every room is home here. */
    public static RoomHomes local(String self) {
        return new RoomHomes(new java.util.concurrent.ConcurrentHashMap<>(), self, n -> true);
    }

    /** The room's home: the live node that holds its claim, else this node, which claims it now. */
    public String claim(String room) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String held = claims.putIfAbsent(room, self);
            if (held == null || held.equals(self)) {
                return self;
            }
            if (alive.test(held)) {
                return held;
            }
            if (claims.replace(room, held, self)) {
                return self; // its home died: this node takes the room over
            }
        }
        String held = claims.get(room);
        return held == null ? self : held;
    }

    /** Whether this node holds the room's claim now (a local read). */
    public boolean holds(String room) {
        return self.equals(claims.get(room));
    }

    /** The room emptied here: the claim goes, if it is still this node's. */
    public void release(String room) {
        claims.remove(room, self);
    }

    /** The node holding the room's claim, if any (diagnostics, tests). */
    public String holder(String room) {
        return claims.get(room);
    }
}
