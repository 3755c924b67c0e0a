// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a room message goes (docs/signaling.md, "Rooms across nodes"). A room runs on its home
 * node ({@link RoomHomes}); a local user's messages for a room homed elsewhere go there over the
 * node link, and the home's deliveries come back through the switchboard, which already hands
 * messages to users on other nodes. This node remembers which of its users are in rooms homed
 * elsewhere, so that their later messages follow and their disconnection is reported. Runs on
 * the signaling thread.
 */
final class RoomRouting {
    private final String self;
    private final Rooms rooms;
    private final Switchboard board;
    private final Locator locator;
    private final NodeLink link;
    private RoomHomes homes;
    private RemoteSfus remote;
    /** Local users in rooms homed elsewhere: user -> room -> home. */
    private final Map<String, Map<String, String>> away = new HashMap<>();

    RoomRouting(String self, Rooms rooms, Switchboard board, Locator locator, NodeLink link) {
        this.self = self;
        this.rooms = rooms;
        this.board = board;
        this.locator = locator;
        this.link = link;
        this.homes = RoomHomes.local(self);
    }

    void cluster(RoomHomes homes, RemoteSfus remote) {
        this.homes = homes;
        this.remote = remote;
        rooms.remoteSfu(remote::at);
    }

    RoomHomes homes() {
        return homes;
    }

    /** A message of a user connected here. */
    void fromLocal(String user, ClientMessage.RoomScoped m) {
        String home = homeFor(user, m);
        if (home.equals(self)) {
            rooms.onClient(user, m);
            return;
        }
        if (m instanceof ClientMessage.RoomJoin) {
            away.computeIfAbsent(user, u -> new HashMap<>()).put(m.room(), home);
        } else if (m instanceof ClientMessage.RoomLeave) {
            forget(user, m.room());
        }
        link.send(home, new NodeMessage.RoomFromUser(user, self, m));
    }

    private String homeFor(String user, ClientMessage.RoomScoped m) {
        String known = away.getOrDefault(user, Map.of()).get(m.room());
        if (known != null) {
            return known;
        }
        if (m instanceof ClientMessage.RoomJoin && !rooms.hosts(m.room())) {
            return homes.claim(m.room());
        }
        return self;
    }

    /** A message from another node about rooms. */
    void onNode(NodeMessage.ForRooms m) {
        switch (m) {
            case NodeMessage.RoomFromUser f -> fromRemote(f);
            case NodeMessage.RoomGone g -> rooms.disconnected(g.user(), g.node(), g.room());
            case NodeMessage.SfuEvent e -> {
                if (remote != null) {
                    remote.event(e);
                }
            }
            case NodeMessage.SfuControl c -> {
                if (c.downlinkKbps() == null) {
                    rooms.localSfu().close(c.session());
                } else {
                    rooms.localSfu().limitDownlink(c.session(), Math.max(0, c.downlinkKbps()));
                }
            }
        }
    }

    private void fromRemote(NodeMessage.RoomFromUser f) {
        if (!(f.message() instanceof ClientMessage.RoomScoped rs) || f.user() == null || f.node() == null) {
            return;
        }
        if (rs instanceof ClientMessage.RoomJoin && !rooms.hosts(rs.room())) {
            String home = homes.claim(rs.room());
            if (!home.equals(self)) {
                link.send(home, f); // the room moved (or was claimed meanwhile): on to its home
                return;
            }
        }
        try {
            rooms.onClient(f.user(), f.node(), rs);
        } catch (SignalingException e) {
            board.deliver(f.user(), new ServerMessage.Error(e.code(), e.getMessage(), null, null));
        }
    }

    /** A local user's connection closed: it leaves the rooms here, and the homes elsewhere hear of it. */
    void disconnected(String user) {
        rooms.disconnected(user);
        Map<String, String> elsewhere = away.remove(user);
        if (elsewhere != null) {
            elsewhere.forEach((room, home) -> link.send(home, new NodeMessage.RoomGone(user, self, room)));
        }
    }

    /**
     * Members connected to dead nodes leave the rooms homed here; local users in rooms whose home
     * died are told they left ({@code room.left}: joining again makes this or another node the home).
     */
    void tick() {
        rooms.sweep(locator::alive);
        if (remote != null) {
            remote.sweep(locator::alive);
        }
        for (String user : List.copyOf(away.keySet())) {
            for (Map.Entry<String, String> e : List.copyOf(away.get(user).entrySet())) {
                if (!locator.alive(e.getValue())) {
                    forget(user, e.getKey());
                    board.deliver(user, new ServerMessage.RoomLeft(e.getKey()));
                }
            }
        }
    }

    private void forget(String user, String room) {
        Map<String, String> mine = away.get(user);
        if (mine != null) {
            mine.remove(room);
            if (mine.isEmpty()) {
                away.remove(user);
            }
        }
    }
}
