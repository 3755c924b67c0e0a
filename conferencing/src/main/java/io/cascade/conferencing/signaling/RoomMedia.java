// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/**
 * A room's SFU sessions: {@code room.publish} becomes a publishing session on stream {@code
 * room/{room}/{member}/{track}}, announced to the others with {@code room.stream} once ICE and
 * DTLS are done (a play offer before that would find no stream); {@code room.subscribe} becomes a
 * playing session of another member's live track, capped by the player's downlink report.
 */
final class RoomMedia {
    private RoomMedia() {}

    static void publish(Rooms rooms, Room room, Room.Member me, ClientMessage.RoomPublish p) {
        if (p.track() == RoomTrack.CAM || me.published.containsKey(p.track())) {
            unpublish(rooms, room, me, p.track());
        }
        Sfu.Session s = call(() -> rooms.sfu(me).publish(room.stream(me, p.track()), p.description().sdp()));
        me.published.put(p.track(), s);
        rooms.ports().deliver(me.user, new ServerMessage.RoomAnswer(room.id, me.user, p.track(),
                new SessionDescription(SdpType.ANSWER, s.answerSdp())));
        s.live().whenComplete((v, e) -> rooms.loop().execute(() -> {
            if (e == null && rooms.current(room, me) && me.published.get(p.track()) == s) {
                me.live.put(p.track(), true);
                rooms.toOthers(room, me.user, new ServerMessage.RoomStream(room.id, me.user, p.track(), true));
            }
        }));
        s.ended().whenComplete((reason, e) -> rooms.loop().execute(() -> {
            if (rooms.current(room, me) && me.published.get(p.track()) == s) {
                ended(rooms, room, me, p.track());
            }
        }));
    }

    static void unpublish(Rooms rooms, Room room, Room.Member me, RoomTrack track) {
        Sfu.Session s = me.published.get(track);
        if (s != null) {
            ended(rooms, room, me, track);
            rooms.sfu(me).close(s.id());
        }
    }

    private static void ended(Rooms rooms, Room room, Room.Member me, RoomTrack track) {
        me.published.remove(track);
        if (me.live.remove(track) != null) {
            rooms.toOthers(room, me.user, new ServerMessage.RoomStream(room.id, me.user, track, false));
        }
        String key = me.user + "/" + track.wire();
        for (Room.Member m : room.members.values()) {
            String id = m.playing.remove(key);
            // a gateway ends the viewers of a publisher that left; one on another node plays a
            // pulled copy, which only goes silent: end it here
            if (id != null && !java.util.Objects.equals(m.node, me.node)) {
                rooms.sfu(m).close(id);
            }
        }
    }

    static void subscribe(Rooms rooms, Room room, Room.Member me, Room.Member target, ClientMessage.RoomSubscribe s) {
        if (target == me) {
            throw SignalingException.field("user", "play someone else");
        }
        if (!target.live.containsKey(s.track())) {
            throw new SignalingException(ErrorCode.SFU_REFUSED, target.user + "'s " + s.track().wire()
                    + " is not live on the SFU (wait for room.stream)");
        }
        String key = target.user + "/" + s.track().wire();
        unsubscribe(rooms, me, key);
        Sfu.Session session = call(() -> rooms.sfu(me).play(room.stream(target, s.track()), s.description().sdp()));
        me.playing.put(key, session.id());
        if (me.downlinkKbps > 0) {
            rooms.sfu(me).limitDownlink(session.id(), me.downlinkKbps);
        }
        rooms.ports().deliver(me.user, new ServerMessage.RoomAnswer(room.id, target.user, s.track(),
                new SessionDescription(SdpType.ANSWER, session.answerSdp())));
    }

    static void unsubscribe(Rooms rooms, Room.Member me, String key) {
        String id = me.playing.remove(key);
        if (id != null) {
            rooms.sfu(me).close(id);
        }
    }

    /** A member leaves: all its sessions end, and the others' sessions playing it. */
    static void closeAll(Rooms rooms, Room room, Room.Member me) {
        for (RoomTrack t : RoomTrack.values()) {
            unpublish(rooms, room, me, t);
        }
        me.playing.values().forEach(rooms.sfu(me)::close);
        me.playing.clear();
    }

    private static Sfu.Session call(java.util.function.Supplier<Sfu.Session> offer) {
        try {
            return offer.get();
        } catch (Sfu.Refused e) {
            throw new SignalingException(ErrorCode.SFU_REFUSED, e.getMessage() + " (" + e.status() + ")");
        }
    }
}
