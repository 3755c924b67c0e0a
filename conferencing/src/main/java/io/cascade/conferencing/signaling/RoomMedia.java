// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.Objects;

/**
 * A room's SFU sessions: {@code room.publish} becomes a publishing session on stream {@code
 * room/{room}/{member}/{track}}, announced to the others with {@code room.stream} once ICE and
 * DTLS are done (a play offer before that would find no stream); {@code room.subscribe} becomes a
 * playing session of another member's live track, capped by the player's downlink report.
 *
 * <p>Offers are asynchronous ({@link Sfu}): another node's SFU answers after an HTTP round trip,
 * and the room goes on meanwhile. The answer is applied on the signaling thread if it is still
 * wanted (the member is in the room and did not ask again, unpublish or unsubscribe since, and a
 * played track is still live); otherwise its session is closed at once, so that a late answer
 * leaks nothing. A refusal reaches the member as {@code error} with the refused message's type.
 */
final class RoomMedia {
    private static final String PUBLISH = "room.publish";
    private static final String SUBSCRIBE = "room.subscribe";

    private RoomMedia() {}

    static void publish(Rooms rooms, Room room, Room.Member me, ClientMessage.RoomPublish p) {
        if (p.track() == RoomTrack.CAM || me.published.containsKey(p.track())) {
            unpublish(rooms, room, me, p.track());
        }
        String what = "publish/" + p.track().wire();
        long ticket = me.ask(what);
        rooms.sfu(me).publish(room.stream(me, p.track()), p.description().sdp()).whenComplete((s, e) ->
                rooms.loop().execute(() -> published(rooms, room, me, p.track(), me.answered(what, ticket), s, e)));
    }

    /** The publish offer's answer came; {@code wanted}: its ticket was still the latest. */
    private static void published(Rooms rooms, Room room, Room.Member me, RoomTrack track, boolean wanted,
                                  Sfu.Session s, Throwable failure) {
        wanted &= rooms.current(room, me);
        if (failure != null) {
            if (wanted) {
                refused(rooms, me, PUBLISH, failure);
            }
            return;
        }
        if (!wanted) {
            rooms.sfu(me).close(s.id()); // the member left or moved on while the SFU answered
            return;
        }
        me.published.put(track, s);
        rooms.ports().deliver(me.user, new ServerMessage.RoomAnswer(room.id, me.user, track,
                new SessionDescription(SdpType.ANSWER, s.answerSdp())));
        s.live().whenComplete((v, e) -> rooms.loop().execute(() -> {
            if (e == null && rooms.current(room, me) && me.published.get(track) == s) {
                me.live.put(track, true);
                rooms.toOthers(room, me.user, new ServerMessage.RoomStream(room.id, me.user, track, true));
            }
        }));
        s.ended().whenComplete((reason, e) -> rooms.loop().execute(() -> {
            if (rooms.current(room, me) && me.published.get(track) == s) {
                ended(rooms, room, me, track);
            }
        }));
    }

    static void unpublish(Rooms rooms, Room room, Room.Member me, RoomTrack track) {
        me.forget("publish/" + track.wire());
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
            if (id != null && !Objects.equals(m.node, me.node)) {
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
        String what = "play/" + key;
        long ticket = me.ask(what);
        rooms.sfu(me).play(room.stream(target, s.track()), s.description().sdp()).whenComplete((session, e) ->
                rooms.loop().execute(() -> playing(rooms, room, me, target, s.track(), me.answered(what, ticket), session, e)));
    }

    /** The play offer's answer came; {@code wanted}: its ticket was still the latest. */
    private static void playing(Rooms rooms, Room room, Room.Member me, Room.Member target, RoomTrack track,
                                boolean wanted, Sfu.Session session, Throwable failure) {
        wanted &= rooms.current(room, me);
        if (failure != null) {
            if (wanted) {
                refused(rooms, me, SUBSCRIBE, failure);
            }
            return;
        }
        if (!wanted) {
            rooms.sfu(me).close(session.id());
            return;
        }
        if (!rooms.current(room, target) || !target.live.containsKey(track)) {
            rooms.sfu(me).close(session.id());
            rooms.ports().deliver(me.user, new ServerMessage.Error(ErrorCode.SFU_REFUSED, target.user + "'s "
                    + track.wire() + " ended while the SFU answered", SUBSCRIBE, null));
            return;
        }
        me.playing.put(target.user + "/" + track.wire(), session.id());
        if (me.downlinkKbps > 0) {
            rooms.sfu(me).limitDownlink(session.id(), me.downlinkKbps);
        }
        rooms.ports().deliver(me.user, new ServerMessage.RoomAnswer(room.id, target.user, track,
                new SessionDescription(SdpType.ANSWER, session.answerSdp())));
    }

    static void unsubscribe(Rooms rooms, Room.Member me, String key) {
        me.forget("play/" + key);
        String id = me.playing.remove(key);
        if (id != null) {
            rooms.sfu(me).close(id);
        }
    }

    /** A member leaves: all its sessions end, and the others' sessions playing it; answers still to come are closed. */
    static void closeAll(Rooms rooms, Room room, Room.Member me) {
        me.forget(null);
        for (RoomTrack t : RoomTrack.values()) {
            unpublish(rooms, room, me, t);
        }
        me.playing.values().forEach(rooms.sfu(me)::close);
        me.playing.clear();
    }

    private static void refused(Rooms rooms, Room.Member me, String type, Throwable failure) {
        Sfu.Refused r = Sfu.refusal(failure);
        rooms.ports().deliver(me.user, new ServerMessage.Error(ErrorCode.SFU_REFUSED,
                r.getMessage() + " (" + r.status() + ")", type, null));
    }
}
