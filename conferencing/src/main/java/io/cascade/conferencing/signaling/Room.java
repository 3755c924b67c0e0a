// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One group room on this node: its members in join order, its mode and threshold, its chat (the
 * calls' {@link CallChat}, one log per room) and its active speaker. State only; {@link Rooms}
 * drives it.
 */
final class Room {

    /** One member: what it told us and its sessions on the SFU. */
    static final class Member {
        final String user;
        /** The signaling node the member is connected to; null: this node. Its SFU sessions live there. */
        final String node;
        final boolean audioOnly;
        /** The member's part of the room's stream names, {@code room/{room}/{segment}/{track}}. */
        final String segment;
        Integer uplinkKbps;
        int downlinkKbps;
        /** The member's publishing sessions, and which of them are live (ICE and DTLS done). */
        final Map<RoomTrack, Sfu.Session> published = new EnumMap<>(RoomTrack.class);
        final Map<RoomTrack, Boolean> live = new EnumMap<>(RoomTrack.class);
        /** Playing sessions by {@code user/track} of the member played. */
        final Map<String, String> playing = new HashMap<>();
        /**
         * Offers whose answer has not come yet ({@code publish/track}, {@code play/user/track}),
         * each with its ticket: an answer is used only while its ticket is the latest for what it
         * answers (the member did not ask again, unpublish, unsubscribe or leave meanwhile).
         */
        private final Map<String, Long> asking = new HashMap<>();
        private long tickets;

        Member(String user, String node, boolean audioOnly, Integer uplinkKbps, String segment) {
            this.user = user;
            this.node = node;
            this.audioOnly = audioOnly;
            this.uplinkKbps = uplinkKbps;
            this.segment = segment;
        }

        /** An offer for {@code what} goes out: its ticket, which replaces any earlier one. */
        long ask(String what) {
            long ticket = ++tickets;
            asking.put(what, ticket);
            return ticket;
        }

        /** The answer with {@code ticket} came: true when it is still the one wanted (and no longer pending). */
        boolean answered(String what, long ticket) {
            return asking.remove(what, ticket);
        }

        /** Pending offers for {@code what} (or all, null) are no longer wanted: their answers will be closed. */
        void forget(String what) {
            if (what == null) {
                asking.clear();
            } else {
                asking.remove(what);
            }
        }
    }

    final String id;
    final Map<String, Member> members = new LinkedHashMap<>();
    final CallChat chat = new CallChat();
    final SpeakerDetector speakers = new SpeakerDetector();
    RoomMode mode;
    int threshold;

    Room(String id) {
        this.id = id;
    }

    Optional<Member> member(String user) {
        return Optional.ofNullable(members.get(user));
    }

    List<Integer> uplinks() {
        List<Integer> out = new ArrayList<>(members.size());
        members.values().forEach(m -> out.add(m.uplinkKbps));
        return out;
    }

    /** The SFU stream of a member's track. */
    String stream(Member m, RoomTrack track) {
        return "room/" + id + "/" + m.segment + "/" + track.wire();
    }

    /**
     * A stream name segment for {@code user}: stream names are lower case {@code [a-z0-9._-]}
     * while user names also allow upper case and {@code @}, so map and, on a clash within the
     * room, number.
     */
    String segmentFor(String user) {
        String base = user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (!Character.isLetterOrDigit(base.charAt(0))) {
            base = "u" + base;
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String candidate = base;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private boolean taken(String segment) {
        return members.values().stream().anyMatch(m -> m.segment.equals(segment));
    }

    List<ServerMessage.Participant> participantsBut(String user) {
        List<ServerMessage.Participant> out = new ArrayList<>();
        members.values().stream().filter(m -> !m.user.equals(user))
                .forEach(m -> out.add(new ServerMessage.Participant(m.user, m.audioOnly)));
        return out;
    }

    List<ServerMessage.StreamRef> liveStreamsBut(String user) {
        List<ServerMessage.StreamRef> out = new ArrayList<>();
        for (Member m : members.values()) {
            if (!m.user.equals(user)) {
                m.live.keySet().forEach(t -> out.add(new ServerMessage.StreamRef(m.user, t)));
            }
        }
        return out;
    }
}
