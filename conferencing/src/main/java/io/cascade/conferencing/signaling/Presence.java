// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.CallPolicy;
import io.cascade.conferencing.users.User;
import io.cascade.conferencing.users.UserService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Presence for the users connected to this node, pulled from the {@link Locator} rather than
 * pushed between nodes: each sweep (once a tick) reads the status of every user a local user
 * watches, and tells the watchers what changed. Reads are local (replicated directory), there is
 * no presence traffic between nodes, and a dead node's users turn offline here one heartbeat TTL
 * after its last heartbeat, with no one having to announce it. Changes on this node itself
 * (connect, disconnect) are pushed at once.
 *
 * <p>{@code lastSeen} is the last time this node saw the user online: exact for users of this
 * node, within one sweep for others.
 */
final class Presence {
    private record Seen(PresenceStatus status, Instant lastSeen) {}

    private final UserService users;
    private final CallPolicy policy;
    private final Locator locator;
    private final InstantSource clock;
    private final boolean everyone;
    private final Map<String, Seen> known = new HashMap<>();

    Presence(UserService users, CallPolicy policy, Locator locator, InstantSource clock, boolean everyone) {
        this.users = users;
        this.policy = policy;
        this.locator = locator;
        this.clock = clock;
        this.everyone = everyone;
    }

    /** Whom {@code watcher} sees: contacts who do not block them, or everybody in the local profile. */
    List<String> watched(String watcher) {
        List<String> out = new ArrayList<>();
        if (everyone) {
            for (User u : users.all()) {
                if (!u.name().equals(watcher) && !u.blocks(watcher)) {
                    out.add(u.name());
                }
            }
        } else {
            users.find(watcher).ifPresent(w -> w.contacts().stream().filter(c -> policy.mayWatch(watcher, c)).forEach(out::add));
        }
        out.sort(null);
        return out;
    }

    /** The presence of everyone {@code watcher} sees, for its welcome. */
    List<ServerMessage.Presence> snapshot(String watcher) {
        List<ServerMessage.Presence> out = new ArrayList<>();
        for (String u : watched(watcher)) {
            Seen s = observe(u, clock.instant());
            out.add(new ServerMessage.Presence(u, s.status(), s.lastSeen()));
        }
        return out;
    }

    /** A user of this node connected or left: record it and tell the local watchers now. */
    void changed(String user, PresenceStatus status, Set<String> locals, BiConsumer<String, ServerMessage> send) {
        Seen s = new Seen(status, clock.instant());
        known.put(user, s);
        tell(user, s, locals, send);
    }

    /** Reads the status of everything watched from here and tells the watchers what changed. */
    void sweep(Set<String> locals, BiConsumer<String, ServerMessage> send) {
        Instant now = clock.instant();
        Map<String, Boolean> checked = new HashMap<>();
        for (String watcher : locals) {
            for (String u : watched(watcher)) {
                if (checked.putIfAbsent(u, Boolean.TRUE) != null) {
                    continue;
                }
                Seen before = known.get(u);
                Seen after = observe(u, now);
                if (before != null && before.status() != after.status()) {
                    tell(u, after, locals, send);
                }
            }
        }
    }

    private Seen observe(String user, Instant now) {
        Seen before = known.get(user);
        Seen after = locator.nodeOf(user).isPresent()
                ? new Seen(PresenceStatus.ONLINE, now)
                : new Seen(PresenceStatus.OFFLINE, before == null ? null : before.lastSeen());
        known.put(user, after);
        return after;
    }

    private void tell(String user, Seen s, Set<String> locals, BiConsumer<String, ServerMessage> send) {
        ServerMessage.Presence m = new ServerMessage.Presence(user, s.status(), s.lastSeen());
        for (String watcher : locals) {
            if (!watcher.equals(user) && watched(watcher).contains(user)) {
                send.accept(watcher, m);
            }
        }
    }
}
