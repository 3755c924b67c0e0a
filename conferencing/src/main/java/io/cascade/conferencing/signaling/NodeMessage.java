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
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeMessage.Ring.class, name = "ring"),
    @JsonSubTypes.Type(value = NodeMessage.RingResult.class, name = "ring.result"),
    @JsonSubTypes.Type(value = NodeMessage.Deliver.class, name = "deliver"),
    @JsonSubTypes.Type(value = NodeMessage.FromUser.class, name = "from.user"),
    @JsonSubTypes.Type(value = NodeMessage.Left.class, name = "left"),
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
