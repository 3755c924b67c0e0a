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
 *
 * <p>A join is routed by the claim, never by that memory: the claim is the truth, and a room
 * hosted here whose claim another live node holds (it took the room over while this node seemed
 * dead) is ended here on the next tick, its pages told {@code room.left} so that they join the
 * claimed home. A join may reach its home through another node (the claim moved while it was on
 * its way); the home then tells the member's node where the room is ({@link NodeMessage.RoomHome})
 * before it answers, so the member's later messages and its disconnection go there.
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
        String before = away.getOrDefault(user, Map.of()).get(m.room());
        String home = m instanceof ClientMessage.RoomJoin ? homeOf(m.room()) : before == null ? self : before;
        if (before != null && !before.equals(home)) {
            // joining again where the claim now is: the membership at the old home ends
            forget(user, m.room());
            link.send(before, new NodeMessage.RoomGone(user, self, m.room()));
        }
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

    /** Where a join of {@code room} goes: here while this node hosts it and holds its claim, else where the claim says. */
    private String homeOf(String room) {
        return rooms.hosts(room) && homes.holds(room) ? self : homes.claim(room);
    }

    /** A message from another node about rooms. */
    void onNode(NodeMessage.ForRooms m) {
        switch (m) {
            case NodeMessage.RoomFromUser f -> fromRemote(f);
            case NodeMessage.RoomGone g -> rooms.disconnected(g.user(), g.node(), g.room());
            case NodeMessage.RoomHome h -> homed(h);
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
        try {
            if (f.node().equals(self)) { // a join that went round (the claim moved here meanwhile): the user is local
                if (board.connection(f.user()) != null) {
                    fromLocal(f.user(), rs);
                }
                return;
            }
            if (rs instanceof ClientMessage.RoomJoin) {
                String home = homeOf(rs.room());
                if (!home.equals(self)) {
                    link.send(home, f); // the room moved (or was claimed meanwhile): on to its home
                    return;
                }
                link.send(f.node(), new NodeMessage.RoomHome(f.user(), rs.room(), self)); // before room.joined
            }
            rooms.onClient(f.user(), f.node(), rs);
        } catch (SignalingException e) {
            // as a member of this node would get it: the refused message's type in inReplyTo
            board.deliver(f.user(), new ServerMessage.Error(e.code(), e.getMessage(), SignalingJson.typeOf(rs), null));
        }
    }

    /**
     * The home of a room a local user joined through another node: later messages go there. A
     * user no longer here, or no longer joining that room, leaves it there at once.
     */
    private void homed(NodeMessage.RoomHome h) {
        if (h.user() == null || h.room() == null || h.home() == null || h.home().equals(self)) {
            return;
        }
        Map<String, String> mine = away.get(h.user());
        if (board.connection(h.user()) == null || mine == null || !mine.containsKey(h.room())) {
            link.send(h.home(), new NodeMessage.RoomGone(h.user(), self, h.room()));
            return;
        }
        mine.put(h.room(), h.home());
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
     * died are told they left ({@code room.left}: joining again makes this or another node the
     * home); rooms hosted here whose claim another live node holds end here.
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
        for (String room : rooms.hosted()) {
            if (!homes.holds(room) && !homes.claim(room).equals(self)) {
                rooms.end(room); // another node runs it now: the pages join there
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
