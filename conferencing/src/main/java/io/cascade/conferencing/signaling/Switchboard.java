// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.CallPolicy;
import io.cascade.platform.id.Ids;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routing between users, calls and nodes. Each local user has at most one leg (1:1 calls, one at
 * a time): the call it is in and that call's home node (the caller's). The callee's node rings
 * its user, detects busy and glare, and forwards the user's call messages home; any node hands
 * messages to its users, but only messages of the call the user is in (late messages of an ended
 * call are dropped here). A leg starts with the invite (caller) or the ring (callee) and ends when
 * {@code call.ended} passes through on its way to the user.
 */
final class Switchboard implements Calls.Ports {
    /** A local user's part in a call. */
    private record Leg(String callId, String home, String peer, boolean outgoing, boolean answered) {
        Leg answer() {
            return new Leg(callId, home, peer, outgoing, true);
        }
    }

    private final String self;
    private final InstantSource clock;
    private final Locator locator;
    private final NodeLink link;
    private final Calls calls;
    private final Map<String, Connection> sessions = new HashMap<>();
    private final Map<String, Leg> legs = new HashMap<>();

    Switchboard(SignalingSettings settings, InstantSource clock, CallPolicy policy, Locator locator, NodeLink link,
                CallEvents events) {
        this.self = settings.node();
        this.clock = clock;
        this.locator = locator;
        this.link = link;
        this.calls = new Calls(self, clock, settings.ringTimeout(), policy, events, this);
    }

    // ---- connections

    Connection connection(String user) {
        return sessions.get(user);
    }

    void attach(String user, Connection c) {
        sessions.put(user, c);
        locator.bind(user);
    }

    /** Forgets the connection if it is still the user's; its call ends. Returns whether it was. */
    boolean detach(String user, Connection c) {
        if (sessions.get(user) != c) {
            return false;
        }
        sessions.remove(user);
        Leg leg = legs.remove(user);
        if (leg != null) {
            leave(leg, user, EndReason.DISCONNECTED);
        }
        locator.unbind(user);
        return true;
    }

    Set<String> localUsers() {
        return sessions.keySet();
    }

    Collection<Call> calls() {
        return calls.all();
    }

    // ---- from local users

    void invite(String user, ClientMessage.Invite invite) {
        if (invite.to().equals(user)) {
            throw new SignalingException(ErrorCode.SELF_CALL, "you cannot call yourself");
        }
        String id = invite.callId() != null ? invite.callId() : Ids.newId(clock);
        Leg leg = legs.get(user);
        if (leg != null) {
            if (leg.outgoing() || leg.answered() || !leg.peer().equals(invite.to())) {
                throw new SignalingException(ErrorCode.BUSY, "you are already in call " + leg.callId());
            }
            // glare: the invite crosses the peer's ringing invite (docs/signaling.md, "Glare")
            if (!Glare.wins(user, invite.to())) {
                // refused before it had a leg: straight to the connection, past the leg filter
                sessions.get(user).send(new ServerMessage.Ended(id, invite.to(), EndReason.GLARE,
                        glareMessage(user, invite.to()), 0));
                return;
            }
            legs.remove(user);
            leave(leg, user, EndReason.GLARE);
        }
        legs.put(user, new Leg(id, self, invite.to(), true, false));
        try {
            calls.invite(user, new ClientMessage.Invite(invite.to(), id, invite.caps()));
        } catch (SignalingException e) {
            legs.remove(user);
            throw e;
        }
    }

    static String glareMessage(String a, String b) {
        String winner = Glare.wins(a, b) ? a : b;
        return a + " and " + b + " called each other at the same time; the call placed by " + winner + " goes on";
    }

    void fromUser(String user, ClientMessage.CallScoped message) {
        Leg leg = legs.get(user);
        if (leg == null || !leg.callId().equals(message.callId())) {
            throw new SignalingException(ErrorCode.UNKNOWN_CALL, "you are not in call " + message.callId());
        }
        if (leg.home().equals(self)) {
            calls.onClient(user, message);
        } else {
            link.send(leg.home(), new NodeMessage.FromUser(user, message));
        }
    }

    private void leave(Leg leg, String user, EndReason reason) {
        if (leg.home().equals(self)) {
            calls.left(user, leg.callId(), reason);
        } else {
            link.send(leg.home(), new NodeMessage.Left(user, leg.callId(), reason));
        }
    }

    // ---- from other nodes

    void onNode(NodeMessage m) {
        switch (m) {
            case NodeMessage.Ring r -> ringFromHome(r.invitation());
            case NodeMessage.RingResult r -> calls.rang(r);
            case NodeMessage.Deliver d -> deliver(d.user(), d.message());
            case NodeMessage.FromUser f -> {
                try {
                    if (f.message() instanceof ClientMessage.CallScoped cs) {
                        calls.onClient(f.user(), cs);
                    }
                } catch (SignalingException e) {
                    String callId = f.message() instanceof ClientMessage.CallScoped cs ? cs.callId() : null;
                    deliver(f.user(), new ServerMessage.Error(e.code(), e.getMessage(), null, callId));
                }
            }
            case NodeMessage.Left l -> calls.left(l.user(), l.callId(), l.reason());
            case NodeMessage.ForRooms r -> { } // SignalingNode hands these to its rooms
        }
    }

    // ---- Calls.Ports

    @Override
    public void deliver(String user, ServerMessage message) {
        if (sessions.containsKey(user)) {
            send(user, message);
            return;
        }
        locator.nodeOf(user).filter(n -> !n.equals(self))
                .ifPresent(n -> link.send(n, new NodeMessage.Deliver(user, message)));
    }

    /** Hands a message to a local user, keeping their leg in step; drops messages of other calls. */
    private void send(String user, ServerMessage message) {
        Connection c = sessions.get(user);
        if (c == null) {
            return;
        }
        if (message instanceof ServerMessage.CallScoped cs && !(message instanceof ServerMessage.Incoming)) {
            Leg leg = legs.get(user);
            if (leg == null || !leg.callId().equals(cs.callId())) {
                return; // not (or no longer) in that call: a late message
            }
            if (message instanceof ServerMessage.Accepted) {
                legs.put(user, leg.answer());
            } else if (message instanceof ServerMessage.Ended) {
                legs.remove(user);
            }
        }
        c.send(message);
    }

    @Override
    public void ring(NodeMessage.Invitation inv) {
        if (sessions.containsKey(inv.callee())) {
            rang(inv, ringHere(inv));
            return;
        }
        var node = locator.nodeOf(inv.callee()).filter(n -> !n.equals(self));
        if (node.isPresent()) {
            link.send(node.get(), new NodeMessage.Ring(inv));
        } else {
            rang(inv, NodeMessage.RingOutcome.OFFLINE);
        }
    }

    @Override
    public boolean online(String user) {
        return sessions.containsKey(user) || locator.nodeOf(user).isPresent();
    }

    /** A ring from the call's home node. */
    private void ringFromHome(NodeMessage.Invitation inv) {
        rang(inv, sessions.containsKey(inv.callee()) ? ringHere(inv) : NodeMessage.RingOutcome.OFFLINE);
    }

    private NodeMessage.RingOutcome ringHere(NodeMessage.Invitation inv) {
        String callee = inv.callee();
        Leg leg = legs.get(callee);
        if (leg != null && leg.outgoing() && !leg.answered() && leg.peer().equals(inv.caller())) {
            if (!Glare.wins(inv.caller(), callee)) {
                return NodeMessage.RingOutcome.GLARE;
            }
            // the crossing invite wins: the callee's own call (homed here) ends, the callee is rung
            leave(leg, callee, EndReason.GLARE);
            legs.remove(callee);
            leg = null;
        }
        if (leg != null) {
            return NodeMessage.RingOutcome.BUSY;
        }
        legs.put(callee, new Leg(inv.callId(), inv.home(), inv.caller(), false, false));
        send(callee, new ServerMessage.Incoming(inv.callId(), inv.caller(), inv.caps()));
        return NodeMessage.RingOutcome.RINGING;
    }

    private void rang(NodeMessage.Invitation inv, NodeMessage.RingOutcome outcome) {
        NodeMessage.RingResult result = new NodeMessage.RingResult(inv.callId(), outcome, self);
        if (inv.home().equals(self)) {
            calls.rang(result);
        } else {
            link.send(inv.home(), result);
        }
    }

    // ---- time

    void tick() {
        calls.tick();
        for (String user : List.copyOf(sessions.keySet())) {
            Leg leg = legs.get(user);
            if (leg != null && !leg.home().equals(self) && !locator.alive(leg.home())) {
                send(user, new ServerMessage.Ended(leg.callId(), leg.peer(), EndReason.DISCONNECTED,
                        "the call's home node went away", 0));
            }
            String at = locator.nodeOf(user).orElse(self);
            if (!at.equals(self)) {
                Connection c = sessions.get(user);
                c.close(4000, "signed in elsewhere");
                detach(user, c);
            }
        }
    }
}
