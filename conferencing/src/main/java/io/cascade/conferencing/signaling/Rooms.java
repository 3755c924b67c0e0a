// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The group rooms of this node (docs/signaling.md, "Rooms"). A room is created by its first
 * {@code room.join} and forgotten when its last member leaves. While it has no more members than
 * its {@link MeshThreshold} its pages connect pairwise (mesh: this class relays their SDP and
 * candidates); above it, every page publishes to the SFU and plays the others from it. A change
 * of mode is announced with {@code room.mode}; pages renegotiate (open the new connections, then
 * close the old ones) without leaving the room.
 *
 * <p>Not thread-safe: the node calls it on its signaling thread; the SFU's completions come back
 * through the executor given to {@link #sfu}.
 */
public final class Rooms {

    /** Hands a message to a user (on this node or another), and hears of rooms that emptied. */
    public interface Ports {
        void deliver(String user, ServerMessage message);

        /** The room's last member left: it is forgotten here (its home claim may go). */
        default void emptied(String room) {}
    }

    private final InstantSource clock;
    private final MeshThreshold thresholds;
    private final RoomEvents events;
    private final Ports ports;
    private final Map<String, Room> rooms = new HashMap<>();
    private Sfu sfu = Sfu.none();
    private Function<String, Sfu> remote = node -> Sfu.none();
    private Executor loop = Runnable::run;

    public Rooms(InstantSource clock, MeshThreshold thresholds, RoomEvents events, Ports ports) {
        this.clock = clock;
        this.thresholds = thresholds;
        this.events = events;
        this.ports = ports;
    }

    /** The SFU to use, and how to get back onto the signaling thread from its completions. */
    public void sfu(Sfu sfu, Executor loop) {
        this.sfu = sfu;
        this.loop = loop;
    }

    /**
     * The SFU sessions of members connected to other nodes: {@code remote.apply(node)} makes them
     * on that node's SFU (docs/signaling.md, "Rooms across nodes").
     */
    public void remoteSfu(Function<String, Sfu> remote) {
        this.remote = remote;
    }

    /** This node's own SFU (what another node's home asks for this node's members). */
    public Sfu localSfu() {
        return sfu;
    }

    /** Whether the room lives here now. */
    public boolean hosts(String room) {
        return rooms.containsKey(room);
    }

    /** A message of a user connected to this node. */
    public void onClient(String user, ClientMessage.RoomScoped message) {
        onClient(user, null, message);
    }

    /**
     * A message of a user connected to {@code node} (null: this node), whose room lives here;
     * another node forwarded it.
     */
    public void onClient(String user, String node, ClientMessage.RoomScoped message) {
        if (message instanceof ClientMessage.RoomJoin j) {
            join(user, node, j);
            return;
        }
        Room room = rooms.get(message.room());
        Room.Member me = room == null ? null : room.members.get(user);
        if (me == null) {
            throw new SignalingException(ErrorCode.NOT_IN_ROOM, "you are not in room " + message.room());
        }
        switch (message) {
            case ClientMessage.RoomJoin j -> join(user, node, j);
            case ClientMessage.RoomLeave l -> {
                leave(room, me);
                ports.deliver(user, new ServerMessage.RoomLeft(room.id));
            }
            case ClientMessage.RoomSdp s -> ports.deliver(other(room, s.to()).user,
                    new ServerMessage.RoomSdp(room.id, user, s.description()));
            case ClientMessage.RoomIce i -> ports.deliver(other(room, i.to()).user,
                    new ServerMessage.RoomIce(room.id, user, i.candidate()));
            case ClientMessage.RoomPublish p -> RoomMedia.publish(this, room, me, p);
            case ClientMessage.RoomUnpublish u -> RoomMedia.unpublish(this, room, me, u.track());
            case ClientMessage.RoomSubscribe s -> RoomMedia.subscribe(this, room, me, other(room, s.user()), s);
            case ClientMessage.RoomUnsubscribe u -> RoomMedia.unsubscribe(this, me, u.user() + "/" + u.track().wire());
            case ClientMessage.RoomBandwidth b -> bandwidth(room, me, b);
            case ClientMessage.RoomLevel l -> room.speakers.report(user, l.level(), clock.millis()).ifPresent(s ->
                    toAll(room, new ServerMessage.RoomSpeaker(room.id, s, room.speakers.level(s))));
            case ClientMessage.RoomChat c -> chat(room, user, c);
            case ClientMessage.RoomChatAck a -> room.chat.ack(user, a.id(), a.status()).ifPresent(e ->
                    ports.deliver(e.from, new ServerMessage.RoomChatReceipt(room.id, e.id, e.status, clock.instant())));
        }
    }

    /** The user's connection to this node closed: it leaves every room it joined from here. */
    public void disconnected(String user) {
        disconnected(user, null, null);
    }

    /**
     * The user's connection to {@code node} (null: this node) closed: it leaves {@code room}
     * (null: every room) if it joined from there.
     */
    public void disconnected(String user, String node, String room) {
        for (Room r : List.copyOf(rooms.values())) {
            if (room == null || r.id.equals(room)) {
                r.member(user).filter(m -> Objects.equals(m.node, node)).ifPresent(m -> leave(r, m));
            }
        }
    }

    /** Members connected to nodes that are no longer {@code alive} leave (their node died). */
    public void sweep(Predicate<String> alive) {
        for (Room r : List.copyOf(rooms.values())) {
            for (Room.Member m : List.copyOf(r.members.values())) {
                if (m.node != null && !alive.test(m.node) && rooms.get(r.id) == r) {
                    leave(r, m);
                }
            }
        }
    }

    /** The rooms that live here now. */
    public List<String> hosted() {
        return List.copyOf(rooms.keySet());
    }

    /**
     * The room no longer lives here (another node holds its claim): every member's sessions end
     * and each is told {@code room.left}, so that its page joins again, at the room's home.
     */
    public void end(String id) {
        Room room = rooms.remove(id);
        if (room == null) {
            return;
        }
        for (Room.Member m : List.copyOf(room.members.values())) {
            RoomMedia.closeAll(this, room, m);
            room.members.remove(m.user);
            events.participantLeft(room.id, m.user, room.members.size());
            ports.deliver(m.user, new ServerMessage.RoomLeft(room.id));
        }
        ports.emptied(room.id);
    }

    /** Members of a room in join order, empty when there is no such room (diagnostics, tests). */
    public List<String> members(String room) {
        Room r = rooms.get(room);
        return r == null ? List.of() : List.copyOf(r.members.keySet());
    }

    public Optional<RoomMode> mode(String room) {
        return Optional.ofNullable(rooms.get(room)).map(r -> r.mode);
    }

    // ---- membership

    private void join(String user, String node, ClientMessage.RoomJoin j) {
        Room existing = rooms.get(j.room());
        Room.Member earlier = existing == null ? null : existing.members.get(user);
        if (earlier != null && !Objects.equals(earlier.node, node)) {
            leave(existing, earlier); // joined again from another node: the old membership ends
        }
        Room room = rooms.computeIfAbsent(j.room(), Room::new);
        Room.Member me = room.members.get(user);
        if (me == null) {
            me = new Room.Member(user, node, j.audioOnly(), j.uplinkKbps(), room.segmentFor(user));
            room.members.put(user, me);
            for (Room.Member m : room.members.values()) {
                if (m != me) {
                    ports.deliver(m.user, new ServerMessage.ParticipantJoined(room.id, user, me.audioOnly));
                }
            }
            events.participantJoined(room.id, user, room.members.size(), me.audioOnly);
        }
        RoomMode before = room.mode;
        recompute(room, user);
        ports.deliver(user, new ServerMessage.RoomJoined(room.id, user, room.mode, room.threshold,
                room.participantsBut(user), room.liveStreamsBut(user)));
        if (before == null) {
            events.modeChanged(room.id, room.mode, null, room.members.size(), room.threshold);
        }
    }

    private void leave(Room room, Room.Member me) {
        RoomMedia.closeAll(this, room, me);
        room.members.remove(me.user);
        room.speakers.forget(me.user);
        events.participantLeft(room.id, me.user, room.members.size());
        if (room.members.isEmpty()) {
            rooms.remove(room.id);
            ports.emptied(room.id);
            return;
        }
        toAll(room, new ServerMessage.ParticipantLeft(room.id, me.user));
        recompute(room, null);
    }

    private void bandwidth(Room room, Room.Member me, ClientMessage.RoomBandwidth b) {
        if (b.downlinkKbps() != null) {
            me.downlinkKbps = b.downlinkKbps();
            me.playing.values().forEach(id -> sfu(me).limitDownlink(id, me.downlinkKbps));
        }
        if (b.uplinkKbps() != null) {
            me.uplinkKbps = b.uplinkKbps();
            recompute(room, null);
        }
    }

    /**
     * Threshold and mode after a change; a new mode goes to every member but {@code quiet} (a
     * joiner learns it from {@code room.joined}) and to Kafka.
     */
    private void recompute(Room room, String quiet) {
        room.threshold = thresholds.of(room.uplinks());
        RoomMode next = thresholds.mode(room.members.size(), room.threshold);
        RoomMode before = room.mode;
        room.mode = next;
        if (before != null && before != next) {
            ServerMessage m = new ServerMessage.RoomModeChanged(room.id, next, room.threshold, room.members.size());
            room.members.keySet().stream().filter(u -> !u.equals(quiet)).forEach(u -> ports.deliver(u, m));
            events.modeChanged(room.id, next, before, room.members.size(), room.threshold);
        }
    }

    private void chat(Room room, String user, ClientMessage.RoomChat c) {
        var now = clock.instant();
        room.chat.add(user, c.id(), c.text(), now);
        ServerMessage m = new ServerMessage.RoomChatMessage(room.id, c.id(), user, c.text(), now);
        room.members.keySet().stream().filter(u -> !u.equals(user)).forEach(u -> ports.deliver(u, m));
        ports.deliver(user, new ServerMessage.RoomChatReceipt(room.id, c.id(), ReceiptStatus.SENT, now));
    }

    // ---- helpers for RoomMedia

    private static Room.Member other(Room room, String user) {
        return room.member(user).orElseThrow(() ->
                new SignalingException(ErrorCode.NOT_IN_ROOM, user + " is not in room " + room.id));
    }

    void toAll(Room room, ServerMessage m) {
        room.members.keySet().forEach(u -> ports.deliver(u, m));
    }

    void toOthers(Room room, String user, ServerMessage m) {
        room.members.keySet().stream().filter(u -> !u.equals(user)).forEach(u -> ports.deliver(u, m));
    }

    Ports ports() {
        return ports;
    }

    /** The SFU of the member's node: this node's, or another node's through {@link #remoteSfu}. */
    Sfu sfu(Room.Member m) {
        return m.node == null ? sfu : remote.apply(m.node);
    }

    Executor loop() {
        return loop;
    }

    /** The room still holds this member object (it did not leave and rejoin meanwhile). */
    boolean current(Room room, Room.Member m) {
        return rooms.get(room.id) == room && room.members.get(m.user) == m;
    }
}
