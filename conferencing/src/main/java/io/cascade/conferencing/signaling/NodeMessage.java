// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What signaling nodes tell each other (docs/signaling.md, "Several nodes"). A call lives on its
 * caller's node (its home); the callee's node rings the callee and forwards the callee's call
 * messages home; either node hands the other's messages to its local user. Sent in order per
 * pair of nodes, in batches ({@link Batch}).
 *
 * <p>Rooms ({@link ForRooms}) work the same way: a room lives on its home node, a member's node
 * forwards the member's room messages there, and the home asks the member's node for the member's
 * SFU sessions (the offer itself goes over HTTP, {@link SfuOfferReceiver}; what becomes of the
 * session comes back here).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeMessage.Ring.class, name = "ring"),
    @JsonSubTypes.Type(value = NodeMessage.RingResult.class, name = "ring.result"),
    @JsonSubTypes.Type(value = NodeMessage.Deliver.class, name = "deliver"),
    @JsonSubTypes.Type(value = NodeMessage.FromUser.class, name = "from.user"),
    @JsonSubTypes.Type(value = NodeMessage.Left.class, name = "left"),
    @JsonSubTypes.Type(value = NodeMessage.RoomFromUser.class, name = "room.from.user"),
    @JsonSubTypes.Type(value = NodeMessage.RoomGone.class, name = "room.gone"),
    @JsonSubTypes.Type(value = NodeMessage.RoomHome.class, name = "room.home"),
    @JsonSubTypes.Type(value = NodeMessage.SfuEvent.class, name = "sfu.event"),
    @JsonSubTypes.Type(value = NodeMessage.SfuControl.class, name = "sfu.control"),
})
public sealed interface NodeMessage {

    /** Home -> callee's node: ring the callee unless busy, offline or in glare. */
    record Ring(Invitation invitation) implements NodeMessage {}

    /** Callee's node -> home: what became of a {@link Ring}. */
    record RingResult(String callId, RingOutcome outcome, String calleeNode) implements NodeMessage {}

    /** Any node -> the user's node: hand this message to the local user. */
    record Deliver(String user, ServerMessage message) implements NodeMessage {}

    /** The user's node -> the call's home: a call message of that user. */
    record FromUser(String user, ClientMessage message) implements NodeMessage {}

    /**
     * The user's node -> the call's home: the user left the call without hanging up (connection
     * closed) or, with {@link EndReason#GLARE}, gave it up for their own crossing invite.
     */
    record Left(String user, String callId, EndReason reason) implements NodeMessage {}

    /** What the rooms of a node handle rather than its calls. */
    sealed interface ForRooms extends NodeMessage {}

    /** The member's node -> the room's home: a room message of {@code user}, connected at {@code node}. */
    record RoomFromUser(String user, String node, ClientMessage message) implements ForRooms {}

    /** The member's node -> the room's home: the user's connection there closed. */
    record RoomGone(String user, String node, String room) implements ForRooms {}

    /**
     * The home -> the member's node, when it takes a member's join: {@code room} of {@code user}
     * runs at {@code home}, where the member's later messages go (the join may have been passed
     * on from the node the member's node thought was the home).
     */
    record RoomHome(String user, String room, String home) implements ForRooms {}

    /**
     * The member's node -> the home that asked for the session: it became live (ICE and DTLS
     * done), or it ended ({@code live} false, with the reason).
     */
    record SfuEvent(String session, boolean live, String reason) implements ForRooms {}

    /** The home -> the member's node: close the session ({@code downlinkKbps} null), or cap its downlink. */
    record SfuControl(String session, Integer downlinkKbps) implements ForRooms {}

    /** One POST between nodes: messages from {@code from}, in the order they were sent. */
    record Batch(String from, List<NodeMessage> messages) {
        public Batch {
            messages = List.copyOf(messages);
        }
    }

    /** A call offer, as the home sends it to the callee's node. */
    record Invitation(String callId, String caller, String callee, String home, Capabilities caps) {}

    /** What the callee's node did with a ring. */
    enum RingOutcome {
        /** The callee's page rings. */
        RINGING,
        /** The callee is in another call. */
        BUSY,
        /** The callee has no connection there (any more). */
        OFFLINE,
        /** The callee invited the caller at the same time and that call wins. */
        GLARE
    }
}
