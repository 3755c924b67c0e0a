// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.CallPolicy;
import io.cascade.platform.id.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1:1 calls whose caller is on this node (their home), as a state machine ({@link CallState}).
 * Inputs are the caller's invite, the ring result from the callee's node, both parties' call
 * messages, a party leaving, and {@link #tick()}; outputs go through {@link Ports} (to a user,
 * wherever they are connected) and {@link CallEvents}. Time comes from the injected clock, so ring
 * timeouts are tested by moving a manual clock and ticking. Not thread-safe: the node calls it
 * from its one signaling thread.
 */
public final class Calls {

    /** What the calls need from their node. */
    public interface Ports {
        /** Hands a message to a user, on this node or another. */
        void deliver(String user, ServerMessage message);

        /** Asks the callee's node to ring; the answer comes back through {@link #rang}. */
        void ring(NodeMessage.Invitation invitation);

        /** Whether the user has a live connection on a live node. */
        boolean online(String user);
    }

    private final String node;
    private final InstantSource clock;
    private final Duration ringTimeout;
    private final CallPolicy policy;
    private final CallEvents events;
    private final Ports ports;
    private final Map<String, Call> calls = new HashMap<>();

    public Calls(String node, InstantSource clock, Duration ringTimeout, CallPolicy policy, CallEvents events,
                 Ports ports) {
        this.node = node;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.policy = policy;
        this.events = events;
        this.ports = ports;
    }

    /** Places a call; returns its id. Policy refusals and an offline callee end it at once. */
    public String invite(String caller, ClientMessage.Invite invite) {
        String id = invite.callId() != null ? invite.callId() : Ids.newId(clock);
        if (calls.containsKey(id)) {
            throw SignalingException.field("callId", "already in use: " + id);
        }
        Call call = new Call(id, caller, invite.to(), invite.caps(), clock.instant(), ringTimeout);
        calls.put(id, call);
        Optional<CallPolicy.Decision> refusal = policy.check(caller, invite.to());
        if (refusal.isPresent()) {
            end(call, EndReason.of(refusal.get().refusal()), refusal.get().message());
        } else if (!ports.online(invite.to())) {
            end(call, EndReason.OFFLINE, invite.to() + " is offline");
        } else {
            ports.ring(new NodeMessage.Invitation(id, caller, invite.to(), node, invite.caps()));
        }
        return id;
    }

    /** The callee's node answered a ring. Late answers (call already over) are ignored. */
    public void rang(NodeMessage.RingResult result) {
        Call call = calls.get(result.callId());
        if (call == null || call.state() != CallState.INVITING) {
            return;
        }
        call.calleeNode(result.calleeNode());
        switch (result.outcome()) {
            case RINGING -> {
                call.state(CallState.RINGING);
                ports.deliver(call.caller(), new ServerMessage.Ringing(call.id(), call.callee()));
            }
            case BUSY -> end(call, EndReason.BUSY, call.callee() + " is in another call");
            case OFFLINE -> end(call, EndReason.OFFLINE, call.callee() + " is offline");
            case GLARE -> end(call, EndReason.GLARE, Switchboard.glareMessage(call.caller(), call.callee()));
        }
    }

    /** A call message from one of the parties; throws {@link SignalingException} for the sender. */
    public void onClient(String user, ClientMessage.CallScoped message) {
        Call call = calls.get(message.callId());
        if (call == null || !call.isParty(user)) {
            throw new SignalingException(ErrorCode.UNKNOWN_CALL, "no call " + message.callId() + " of yours");
        }
        switch (message) {
            case ClientMessage.Accept a -> accept(call, user, a.caps());
            case ClientMessage.Decline d -> decline(call, user);
            case ClientMessage.Hangup h -> hangup(call, user);
            case ClientMessage.Sdp s -> relay(call, user, new ServerMessage.Sdp(call.id(), user, s.description()));
            case ClientMessage.Ice i -> relay(call, user, new ServerMessage.Ice(call.id(), user, i.candidate()));
            case ClientMessage.Bandwidth b -> bandwidth(call, user, b.maxBitrateKbps());
            case ClientMessage.Mode m -> mode(call, user, m.mode());
            case ClientMessage.ChatSend c -> CallChats.send(call, user, c, clock.instant(), ports);
            case ClientMessage.ChatAck c -> CallChats.ack(call, user, c, clock.instant(), ports);
            case ClientMessage.ChatHistory c -> ports.deliver(user, new ServerMessage.ChatLog(call.id(), call.chat().log()));
        }
    }

    private void accept(Call call, String user, Capabilities caps) {
        if (!user.equals(call.callee()) || !call.state().unanswered()) {
            throw new SignalingException(ErrorCode.WRONG_STATE, "only the callee accepts, and only while it rings");
        }
        Optional<CallConfig> agreed = CallConfig.agree(call.callerCaps(), caps);
        if (agreed.isEmpty()) {
            end(call, EndReason.INCOMPATIBLE, "no video codec in common");
            return;
        }
        call.answered(clock.instant(), caps, agreed.get());
        ports.deliver(call.caller(), new ServerMessage.Accepted(call.id(), call.callee(), CallRole.CALLER, agreed.get()));
        ports.deliver(call.callee(), new ServerMessage.Accepted(call.id(), call.caller(), CallRole.CALLEE, agreed.get()));
        events.started(call);
    }

    private void decline(Call call, String user) {
        if (!user.equals(call.callee()) || !call.state().unanswered()) {
            throw new SignalingException(ErrorCode.WRONG_STATE, "only the callee declines, and only while it rings");
        }
        end(call, EndReason.DECLINED, call.callee() + " declined");
    }

    private void hangup(Call call, String user) {
        if (call.state() == CallState.ACTIVE) {
            end(call, EndReason.HANGUP, user + " hung up");
        } else if (user.equals(call.caller())) {
            end(call, EndReason.CANCELLED, call.caller() + " cancelled the call");
        } else {
            end(call, EndReason.DECLINED, call.callee() + " declined");
        }
    }

    private void relay(Call call, String user, ServerMessage message) {
        requireActive(call);
        ports.deliver(call.other(user), message);
    }

    private void bandwidth(Call call, String user, int kbps) {
        requireActive(call);
        CallConfig next = call.report(user, kbps);
        if (!next.equals(call.config().orElse(null))) {
            call.config(next);
            ServerMessage m = new ServerMessage.Config(call.id(), next, "bandwidth", user);
            ports.deliver(call.caller(), m);
            ports.deliver(call.callee(), m);
            events.configChanged(call, next, user);
        }
    }

    private void mode(Call call, String user, MediaMode mode) {
        requireActive(call);
        MediaMode previous = call.mode(user, mode);
        if (previous != mode) {
            events.modeChanged(call, user, mode, previous);
        }
    }

    static void requireActive(Call call) {
        if (call.state() != CallState.ACTIVE) {
            throw new SignalingException(ErrorCode.WRONG_STATE, "call " + call.id() + " is not answered");
        }
    }

    /**
     * A party left without hanging up: its connection closed or its node went away
     * ({@link EndReason#DISCONNECTED}), or it gave the call up in glare ({@link EndReason#GLARE}).
     */
    public void left(String user, String callId, EndReason reason) {
        Call call = calls.get(callId);
        if (call != null && call.isParty(user)) {
            end(call, reason, reason == EndReason.GLARE
                    ? Switchboard.glareMessage(call.caller(), call.callee()) : user + " left the call");
        }
    }

    /** Ends the unanswered calls whose ring timed out and the calls whose callee went offline. */
    public void tick() {
        Instant now = clock.instant();
        for (Call call : List.copyOf(calls.values())) {
            if (call.state().unanswered() && !now.isBefore(call.ringDeadline())) {
                end(call, EndReason.TIMEOUT, "no answer within " + ringTimeout.toSeconds() + " s");
            } else if (call.state() != CallState.INVITING && !ports.online(call.callee())) {
                end(call, call.state() == CallState.ACTIVE ? EndReason.DISCONNECTED : EndReason.OFFLINE,
                        call.callee() + " went offline");
            }
        }
    }

    public java.util.Collection<Call> all() {
        return List.copyOf(calls.values());
    }

    public Optional<Call> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    public int size() {
        return calls.size();
    }

    private void end(Call call, EndReason reason, String message) {
        call.state(CallState.ENDED);
        calls.remove(call.id());
        long durationMs = call.answered().map(a -> Duration.between(a, clock.instant()).toMillis()).orElse(0L);
        ports.deliver(call.caller(), new ServerMessage.Ended(call.id(), call.callee(), reason, message, durationMs));
        if (calleeKnows(reason)) {
            ports.deliver(call.callee(), new ServerMessage.Ended(call.id(), call.caller(), reason, message, durationMs));
        }
        events.ended(call, reason, durationMs);
    }

    /**
     * Whether the callee heard of the call: not when it was refused before ringing, nor in glare
     * (the loser was never rung, or gave the call up itself). The callee's node drops call
     * messages for calls its user is not in, so erring towards telling is harmless.
     */
    private static boolean calleeKnows(EndReason reason) {
        return switch (reason) {
            case BUSY, OFFLINE, UNKNOWN_USER, BLOCKED, CONTACTS_ONLY, GLARE -> false;
            default -> true;
        };
    }
}
