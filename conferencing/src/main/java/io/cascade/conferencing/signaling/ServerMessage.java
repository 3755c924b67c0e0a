// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Messages the service sends on {@code /ws/signaling} (docs/signaling.md has an example of each).
 * Like {@link ClientMessage}, the whole server half in one file. Absent (null) fields are left out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Presence.class, name = "presence"),
    @JsonSubTypes.Type(value = ServerMessage.Incoming.class, name = "call.incoming"),
    @JsonSubTypes.Type(value = ServerMessage.Ringing.class, name = "call.ringing"),
    @JsonSubTypes.Type(value = ServerMessage.Accepted.class, name = "call.accepted"),
    @JsonSubTypes.Type(value = ServerMessage.Ended.class, name = "call.ended"),
    @JsonSubTypes.Type(value = ServerMessage.Sdp.class, name = "call.sdp"),
    @JsonSubTypes.Type(value = ServerMessage.Ice.class, name = "call.ice"),
    @JsonSubTypes.Type(value = ServerMessage.Config.class, name = "call.config"),
    @JsonSubTypes.Type(value = ServerMessage.ChatMessage.class, name = "chat.message"),
    @JsonSubTypes.Type(value = ServerMessage.ChatReceipt.class, name = "chat.receipt"),
    @JsonSubTypes.Type(value = ServerMessage.ChatLog.class, name = "chat.history"),
    @JsonSubTypes.Type(value = ServerMessage.Contacts.class, name = "contacts"),
    @JsonSubTypes.Type(value = ServerMessage.RoomJoined.class, name = "room.joined"),
    @JsonSubTypes.Type(value = ServerMessage.RoomLeft.class, name = "room.left"),
    @JsonSubTypes.Type(value = ServerMessage.ParticipantJoined.class, name = "participant.joined"),
    @JsonSubTypes.Type(value = ServerMessage.ParticipantLeft.class, name = "participant.left"),
    @JsonSubTypes.Type(value = ServerMessage.RoomModeChanged.class, name = "room.mode"),
    @JsonSubTypes.Type(value = ServerMessage.RoomSdp.class, name = "room.sdp"),
    @JsonSubTypes.Type(value = ServerMessage.RoomIce.class, name = "room.ice"),
    @JsonSubTypes.Type(value = ServerMessage.RoomAnswer.class, name = "room.answer"),
    @JsonSubTypes.Type(value = ServerMessage.RoomStream.class, name = "room.stream"),
    @JsonSubTypes.Type(value = ServerMessage.RoomSpeaker.class, name = "room.speaker"),
    @JsonSubTypes.Type(value = ServerMessage.RoomChatMessage.class, name = "room.chat.message"),
    @JsonSubTypes.Type(value = ServerMessage.RoomChatReceipt.class, name = "room.chat.receipt"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

    /** Messages about one call: a node hands them to a user only while the user is in that call. */
    sealed interface CallScoped extends ServerMessage {
        String callId();
    }

    /** Authentication succeeded: who you are, which node serves you, your contacts' presence, the limits. */
    record Welcome(String user, String node, List<Presence> contacts, Limits limits) implements ServerMessage {}

    /** Per-connection limits the page should stay under. */
    record Limits(int maxMessageBytes, int messagesPerSecond, long ringTimeoutMs) {}

    record Pong() implements ServerMessage {}

    /**
     * A refused message: {@code code} from {@link ErrorCode}; {@code inReplyTo} is the refused
     * message's type when it could be read; the connection stays open.
     */
    record Error(ErrorCode code, String message, String inReplyTo, String callId) implements ServerMessage {}

    /** A contact came online or went offline; {@code lastSeen} is when it was last known online. */
    record Presence(String user, PresenceStatus status, Instant lastSeen) implements ServerMessage {}

    /** Someone calls you. Answer with {@code call.accept} or {@code call.decline}. */
    record Incoming(String callId, String from, Capabilities caps) implements CallScoped {}

    /** Your call reached the callee, whose page is ringing. */
    record Ringing(String callId, String to) implements CallScoped {}

    /** The call is answered: both parties get it with the agreed configuration; the caller offers. */
    record Accepted(String callId, String peer, CallRole role, CallConfig config) implements CallScoped {}

    /** The call is over (or never started): why, and how long it was answered. */
    record Ended(String callId, String peer, EndReason reason, String message, long durationMs) implements CallScoped {}

    record Sdp(String callId, String from, SessionDescription description) implements CallScoped {}

    record Ice(String callId, String from, IceCandidate candidate) implements CallScoped {}

    /** The agreed configuration changed (a bandwidth report): apply it to the senders. */
    record Config(String callId, CallConfig config, String reason, String by) implements CallScoped {}

    record ChatMessage(String callId, String id, String from, String text, Instant time) implements CallScoped {}

    record ChatReceipt(String callId, String id, ReceiptStatus status, Instant time) implements CallScoped {}

    /** The call's chat so far, oldest first, each with its latest receipt. */
    record ChatLog(String callId, List<ChatEntry> messages) implements CallScoped {}

    record ChatEntry(String id, String from, String text, Instant time, ReceiptStatus status) {}

    /** The sender's contacts, blocks and setting, after a {@code contacts.update}. */
    record Contacts(List<String> contacts, List<String> blocked, boolean contactsOnly) implements ServerMessage {}

    // ---- group rooms (docs/signaling.md, "Rooms")

    /** You are in the room: its mode, threshold, the others, and the streams live on the SFU. */
    record RoomJoined(String room, String user, RoomMode mode, int threshold, List<Participant> participants,
                      List<StreamRef> streams) implements ServerMessage {}

    record Participant(String user, boolean audioOnly) {}

    /** A member's track live on the SFU. */
    record StreamRef(String user, RoomTrack track) {}

    /** You left the room ({@code room.leave}). */
    record RoomLeft(String room) implements ServerMessage {}

    record ParticipantJoined(String room, String user, boolean audioOnly) implements ServerMessage {}

    record ParticipantLeft(String room, String user) implements ServerMessage {}

    /** The room moved between mesh and SFU: renegotiate without leaving. */
    record RoomModeChanged(String room, RoomMode mode, int threshold, int members) implements ServerMessage {}

    record RoomSdp(String room, String from, SessionDescription description) implements ServerMessage {}

    record RoomIce(String room, String from, IceCandidate candidate) implements ServerMessage {}

    /** The SFU's answer to your {@code room.publish} ({@code user} is you) or {@code room.subscribe}. */
    record RoomAnswer(String room, String user, RoomTrack track, SessionDescription description)
            implements ServerMessage {}

    /** A member's track went live on the SFU ({@code live} true: subscribe now) or ended. */
    record RoomStream(String room, String user, RoomTrack track, boolean live) implements ServerMessage {}

    /** The active speaker changed. */
    record RoomSpeaker(String room, String user, double level) implements ServerMessage {}

    record RoomChatMessage(String room, String id, String from, String text, Instant time) implements ServerMessage {}

    record RoomChatReceipt(String room, String id, ReceiptStatus status, Instant time) implements ServerMessage {}
}
