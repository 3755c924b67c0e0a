// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Messages a page sends on {@code /ws/signaling}: one JSON object per text frame, its kind in
 * {@code type} (docs/signaling.md has an example of each). All of them live in this one file on
 * purpose: the client half of the protocol reads on one screen. Constructors validate and name the
 * bad field ({@link SignalingException}); unknown fields are ignored so that newer pages work with
 * older nodes.
 *
 * <p>Type names are {@code area.verb}; {@code call.*} is the 1:1 call, {@code chat.*} the in-call
 * chat, {@code room.*} the group rooms ({@link Rooms}, their own state machine beside the calls).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Invite.class, name = "call.invite"),
    @JsonSubTypes.Type(value = ClientMessage.Accept.class, name = "call.accept"),
    @JsonSubTypes.Type(value = ClientMessage.Decline.class, name = "call.decline"),
    @JsonSubTypes.Type(value = ClientMessage.Hangup.class, name = "call.hangup"),
    @JsonSubTypes.Type(value = ClientMessage.Sdp.class, name = "call.sdp"),
    @JsonSubTypes.Type(value = ClientMessage.Ice.class, name = "call.ice"),
    @JsonSubTypes.Type(value = ClientMessage.Bandwidth.class, name = "call.bandwidth"),
    @JsonSubTypes.Type(value = ClientMessage.Mode.class, name = "call.mode"),
    @JsonSubTypes.Type(value = ClientMessage.ChatSend.class, name = "chat.send"),
    @JsonSubTypes.Type(value = ClientMessage.ChatAck.class, name = "chat.ack"),
    @JsonSubTypes.Type(value = ClientMessage.ChatHistory.class, name = "chat.history"),
    @JsonSubTypes.Type(value = ClientMessage.ContactsUpdate.class, name = "contacts.update"),
    @JsonSubTypes.Type(value = ClientMessage.RoomJoin.class, name = "room.join"),
    @JsonSubTypes.Type(value = ClientMessage.RoomLeave.class, name = "room.leave"),
    @JsonSubTypes.Type(value = ClientMessage.RoomSdp.class, name = "room.sdp"),
    @JsonSubTypes.Type(value = ClientMessage.RoomIce.class, name = "room.ice"),
    @JsonSubTypes.Type(value = ClientMessage.RoomPublish.class, name = "room.publish"),
    @JsonSubTypes.Type(value = ClientMessage.RoomUnpublish.class, name = "room.unpublish"),
    @JsonSubTypes.Type(value = ClientMessage.RoomSubscribe.class, name = "room.subscribe"),
    @JsonSubTypes.Type(value = ClientMessage.RoomUnsubscribe.class, name = "room.unsubscribe"),
    @JsonSubTypes.Type(value = ClientMessage.RoomBandwidth.class, name = "room.bandwidth"),
    @JsonSubTypes.Type(value = ClientMessage.RoomLevel.class, name = "room.level"),
    @JsonSubTypes.Type(value = ClientMessage.RoomChat.class, name = "room.chat"),
    @JsonSubTypes.Type(value = ClientMessage.RoomChatAck.class, name = "room.chat.ack"),
})
public sealed interface ClientMessage {

    /** Messages about one call; the node routes them to the call's home node. */
    sealed interface CallScoped extends ClientMessage {
        String callId();
    }

    /** Authenticates a connection opened without {@code ?token=}: a JWT, or {@code dev} with a user name. */
    record Hello(String token, String user) implements ClientMessage {
        public Hello {
            Wire.text(token, "token", 4096);
            if (user != null) {
                Wire.user(user, "user");
            }
        }
    }

    /** Keep-alive and liveness probe; answered with {@code pong}. */
    record Ping() implements ClientMessage {}

    /** Calls {@code to}. {@code callId} is optional (the service makes one); {@code caps} are the caller's. */
    record Invite(String to, String callId, Capabilities caps) implements ClientMessage {
        public Invite {
            Wire.user(to, "to");
            if (callId != null) {
                Wire.callId(callId);
            }
            Wire.required(caps, "caps");
        }
    }

    record Accept(String callId, Capabilities caps) implements CallScoped {
        public Accept {
            Wire.callId(callId);
            Wire.required(caps, "caps");
        }
    }

    record Decline(String callId) implements CallScoped {
        public Decline {
            Wire.callId(callId);
        }
    }

    /** Ends an answered call, or cancels one still ringing (caller). */
    record Hangup(String callId) implements CallScoped {
        public Hangup {
            Wire.callId(callId);
        }
    }

    /** An SDP offer or answer for the other party (the caller offers first, after {@code call.accepted}). */
    record Sdp(String callId, SessionDescription description) implements CallScoped {
        public Sdp {
            Wire.callId(callId);
            Wire.required(description, "description");
        }
    }

    /** A trickled ICE candidate for the other party; {@code candidate} null or empty ends gathering. */
    record Ice(String callId, IceCandidate candidate) implements CallScoped {
        public Ice {
            Wire.callId(callId);
            candidate = candidate == null ? new IceCandidate(null, null, null, null) : candidate;
        }
    }

    /** The sender's available bitrate now; a change re-agrees the call's configuration. */
    record Bandwidth(String callId, int maxBitrateKbps) implements CallScoped {
        public Bandwidth {
            Wire.callId(callId);
            Wire.range(maxBitrateKbps, "maxBitrateKbps", 50, 50_000);
        }
    }

    /** The media path the sender's page now uses (p2p or relay), e.g. after an ICE restart through TURN. */
    record Mode(String callId, MediaMode mode) implements CallScoped {
        public Mode {
            Wire.callId(callId);
            Wire.required(mode, "mode");
        }
    }

    /** A chat message in the call; {@code id} is the sender's, unique within the call. */
    record ChatSend(String callId, String id, String text) implements CallScoped {
        static final int MAX_TEXT = 4000;

        public ChatSend {
            Wire.callId(callId);
            Wire.text(id, "id", 64);
            Wire.text(text, "text", MAX_TEXT);
        }
    }

    /** The recipient's receipt for a chat message: delivered (shown) or read. */
    record ChatAck(String callId, String id, ReceiptStatus status) implements CallScoped {
        public ChatAck {
            Wire.callId(callId);
            Wire.text(id, "id", 64);
            Wire.required(status, "status");
            if (status == ReceiptStatus.SENT) {
                throw SignalingException.field("status", "delivered or read");
            }
        }
    }

    /** Asks for the call's chat so far (a reloaded page). */
    record ChatHistory(String callId) implements CallScoped {
        public ChatHistory {
            Wire.callId(callId);
        }
    }

    /** Edits the sender's contacts, blocks and "contacts only" setting; answered with {@code contacts}. */
    record ContactsUpdate(List<String> add, List<String> remove, List<String> block, List<String> unblock,
                          Boolean contactsOnly) implements ClientMessage {
        public ContactsUpdate {
            add = users(add, "add");
            remove = users(remove, "remove");
            block = users(block, "block");
            unblock = users(unblock, "unblock");
        }

        private static List<String> users(List<String> names, String field) {
            if (names == null) {
                return List.of();
            }
            if (names.size() > 1000) {
                throw SignalingException.field(field, "at most 1000 names");
            }
            names.forEach(n -> Wire.user(n, field));
            return List.copyOf(names);
        }
    }

    // ---- group rooms (docs/signaling.md, "Rooms")

    /** Messages about one room; the sender must have joined it (except {@code room.join}). */
    sealed interface RoomScoped extends ClientMessage {
        String room();
    }

    /**
     * Joins {@code room} (created on first join). {@code audioOnly}: no camera; {@code uplinkKbps}:
     * the page's upload estimate, which sets the room's mesh threshold.
     */
    record RoomJoin(String room, Boolean audioOnly, Integer uplinkKbps) implements RoomScoped {
        public RoomJoin {
            Wire.room(room);
            audioOnly = Boolean.TRUE.equals(audioOnly);
            if (uplinkKbps != null) {
                Wire.range(uplinkKbps, "uplinkKbps", 50, 1_000_000);
            }
        }
    }

    record RoomLeave(String room) implements RoomScoped {
        public RoomLeave {
            Wire.room(room);
        }
    }

    /** Mesh mode: an offer or answer for member {@code to}, relayed as is. */
    record RoomSdp(String room, String to, SessionDescription description) implements RoomScoped {
        public RoomSdp {
            Wire.room(room);
            Wire.user(to, "to");
            Wire.required(description, "description");
        }
    }

    /** Mesh mode: a trickled candidate for member {@code to}. */
    record RoomIce(String room, String to, IceCandidate candidate) implements RoomScoped {
        public RoomIce {
            Wire.room(room);
            Wire.user(to, "to");
            candidate = candidate == null ? new IceCandidate(null, null, null, null) : candidate;
        }
    }

    /** SFU mode: a sendonly offer for the sender's {@code track} ({@code cam} or {@code screen}). */
    record RoomPublish(String room, RoomTrack track, SessionDescription description) implements RoomScoped {
        public RoomPublish {
            Wire.room(room);
            track = track == null ? RoomTrack.CAM : track;
            Wire.required(description, "description");
            if (description.type() != SdpType.OFFER) {
                throw SignalingException.field("description.type", "offer");
            }
        }
    }

    record RoomUnpublish(String room, RoomTrack track) implements RoomScoped {
        public RoomUnpublish {
            Wire.room(room);
            track = track == null ? RoomTrack.CAM : track;
        }
    }

    /** SFU mode: a recvonly offer to play member {@code user}'s {@code track}. */
    record RoomSubscribe(String room, String user, RoomTrack track, SessionDescription description)
            implements RoomScoped {
        public RoomSubscribe {
            Wire.room(room);
            Wire.user(user, "user");
            track = track == null ? RoomTrack.CAM : track;
            Wire.required(description, "description");
            if (description.type() != SdpType.OFFER) {
                throw SignalingException.field("description.type", "offer");
            }
        }
    }

    record RoomUnsubscribe(String room, String user, RoomTrack track) implements RoomScoped {
        public RoomUnsubscribe {
            Wire.room(room);
            Wire.user(user, "user");
            track = track == null ? RoomTrack.CAM : track;
        }
    }

    /**
     * The page's bandwidth: {@code uplinkKbps} re-computes the mesh threshold; {@code downlinkKbps}
     * caps what the SFU sends this member (its simulcast layer choice), 0 lifts the cap.
     */
    record RoomBandwidth(String room, Integer uplinkKbps, Integer downlinkKbps) implements RoomScoped {
        public RoomBandwidth {
            Wire.room(room);
            if (uplinkKbps != null) {
                Wire.range(uplinkKbps, "uplinkKbps", 50, 1_000_000);
            }
            if (downlinkKbps != null) {
                Wire.range(downlinkKbps, "downlinkKbps", 0, 1_000_000);
            }
        }
    }

    /** The sender's microphone level now, 0..1 (W3C webrtc-stats audioLevel), for the active speaker. */
    record RoomLevel(String room, double level) implements RoomScoped {
        public RoomLevel {
            Wire.room(room);
            if (!(level >= 0 && level <= 1)) {
                throw SignalingException.field("level", "0..1");
            }
        }
    }

    /** A chat message to everyone in the room; {@code id} is the sender's, unique in the room. */
    record RoomChat(String room, String id, String text) implements RoomScoped {
        public RoomChat {
            Wire.room(room);
            Wire.text(id, "id", 64);
            Wire.text(text, "text", ChatSend.MAX_TEXT);
        }
    }

    /** A member's receipt for a room chat message: delivered or read. */
    record RoomChatAck(String room, String id, ReceiptStatus status) implements RoomScoped {
        public RoomChatAck {
            Wire.room(room);
            Wire.text(id, "id", 64);
            Wire.required(status, "status");
            if (status == ReceiptStatus.SENT) {
                throw SignalingException.field("status", "delivered or read");
            }
        }
    }
}
