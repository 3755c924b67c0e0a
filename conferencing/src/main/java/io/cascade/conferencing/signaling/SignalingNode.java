// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.conferencing.users.CallPolicy;
import io.cascade.conferencing.users.UserService;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One signaling node: the connections of its users, their call legs, the calls homed here
 * ({@link Calls}), presence, and the other nodes ({@link Switchboard}). Inputs are a page's
 * frames, a connection closing, messages from other nodes and {@link #tick()}. Not thread-safe:
 * every input runs on one thread ({@link SignalingLoop}), which keeps the order of a call's
 * messages and needs no locks; the work per message is small (local cache reads, queueing).
 *
 * <p>Bad input never escapes: malformed frames, unknown types and over-limit messages become
 * {@code error} replies, and the connection stays open.
 */
public final class SignalingNode {
    private static final Logger LOG = Logger.getLogger(SignalingNode.class);

    private final SignalingSettings settings;
    private final InstantSource clock;
    private final UserService users;
    private final Authenticator auth;
    private final Switchboard board;
    private final Presence presence;
    private final Rooms rooms;
    private final RoomRouting routing;

    public SignalingNode(SignalingSettings settings, InstantSource clock, UserService users, Authenticator auth,
                         Locator locator, NodeLink link, CallEvents events) {
        this(settings, clock, users, auth, locator, link, events, RoomEvents.none(), MeshThreshold.DEFAULT);
    }

    public SignalingNode(SignalingSettings settings, InstantSource clock, UserService users, Authenticator auth,
                         Locator locator, NodeLink link, CallEvents events, RoomEvents roomEvents,
                         MeshThreshold meshThreshold) {
        this.settings = settings;
        this.clock = clock;
        this.users = users;
        this.auth = auth;
        CallPolicy policy = new CallPolicy(users);
        this.board = new Switchboard(settings, clock, policy, locator, link, events);
        this.presence = new Presence(users, policy, locator, clock, settings.presenceToEveryone());
        this.rooms = new Rooms(clock, meshThreshold, roomEvents, new Rooms.Ports() {
            @Override
            public void deliver(String user, ServerMessage message) {
                board.deliver(user, message);
            }

            @Override
            public void emptied(String room) {
                routing.homes().release(room);
            }
        });
        this.routing = new RoomRouting(settings.node(), rooms, board, locator, link);
    }

    /**
     * Lets rooms span nodes (docs/signaling.md, "Rooms across nodes"): {@code homes} says which
     * node runs a room, {@code remote} makes the SFU sessions of members connected elsewhere on
     * their nodes. Without it every room is homed on the node its members connect to.
     */
    public void cluster(RoomHomes homes, RemoteSfus remote) {
        routing.cluster(homes, remote);
    }

    /** Puts the SFU behind the rooms; {@code loop} runs work on this node's signaling thread. */
    public void sfu(Sfu sfu, java.util.concurrent.Executor loop) {
        rooms.sfu(sfu, loop);
    }

    /** The group rooms (diagnostics and tests). */
    public Rooms rooms() {
        return rooms;
    }

    /**
     * A new connection. With a token (from the URL) it is authenticated at once; without, the page
     * sends {@code hello}. A refused URL token leaves the connection open for a {@code hello}.
     */
    public Connection open(ClientSink sink, String token, String user) {
        Connection c = new Connection(sink, settings, clock);
        if (token != null) {
            try {
                authenticate(c, token, user);
            } catch (SignalingException e) {
                c.send(new ServerMessage.Error(e.code(), e.getMessage(), "connect", null));
            }
        }
        return c;
    }

    /** One text frame from a page. */
    public void onText(Connection c, String text) {
        String type = null;
        String callId = null;
        try {
            if (!c.admit()) {
                c.countRefused();
                if (c.shouldReportRateLimit()) {
                    c.send(new ServerMessage.Error(ErrorCode.RATE_LIMITED, "more than " + settings.messagesPerSecond()
                            + " messages a second; dropped", null, null));
                }
                return;
            }
            JsonNode tree = SignalingJson.parse(text, settings.maxMessageBytes());
            type = SignalingJson.type(tree);
            callId = tree.path("callId").isTextual() ? tree.get("callId").asText() : null;
            handle(c, SignalingJson.client(tree));
        } catch (SignalingException e) {
            c.countRefused();
            c.send(new ServerMessage.Error(e.code(), e.getMessage(), type, callId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "signaling message of type %s failed", type);
            c.send(new ServerMessage.Error(ErrorCode.INTERNAL, "internal error", type, callId));
        }
    }

    private void handle(Connection c, ClientMessage m) {
        String user = c.userOrNull();
        if (m instanceof ClientMessage.Ping) {
            c.send(new ServerMessage.Pong());
        } else if (m instanceof ClientMessage.Hello h) {
            if (user != null) {
                throw new SignalingException(ErrorCode.ALREADY_AUTHENTICATED, "already signed in as " + user);
            }
            authenticate(c, h.token(), h.user());
        } else if (user == null) {
            throw new SignalingException(ErrorCode.UNAUTHENTICATED, "send hello first (or connect with ?token=)");
        } else if (m instanceof ClientMessage.ContactsUpdate u) {
            updateContacts(c, user, u);
        } else if (m instanceof ClientMessage.Invite i) {
            board.invite(user, i);
        } else if (m instanceof ClientMessage.CallScoped cs) {
            board.fromUser(user, cs);
        } else if (m instanceof ClientMessage.RoomScoped rs) {
            routing.fromLocal(user, rs);
        }
    }

    private void authenticate(Connection c, String token, String user) {
        String name = auth.authenticate(token, user);
        users.ensure(name);
        Connection before = board.connection(name);
        if (before != null) {
            before.close(4000, "signed in elsewhere");
            onClose(before);
        }
        c.user(name);
        board.attach(name, c);
        c.send(new ServerMessage.Welcome(name, settings.node(), presence.snapshot(name), new ServerMessage.Limits(
                settings.maxMessageBytes(), settings.messagesPerSecond(), settings.ringTimeout().toMillis())));
        presence.changed(name, PresenceStatus.ONLINE, board.localUsers(), board::deliver);
    }

    private void updateContacts(Connection c, String user, ClientMessage.ContactsUpdate u) {
        var after = users.update(user, new UserService.Change(u.add(), u.remove(), u.block(), u.unblock(), u.contactsOnly()));
        c.send(new ServerMessage.Contacts(after.contacts().stream().sorted().toList(),
                after.blocked().stream().sorted().toList(), after.contactsOnly()));
    }

    /** The page's connection closed: its call ends, its presence turns offline. */
    public void onClose(Connection c) {
        String user = c.userOrNull();
        if (user != null && board.connection(user) == c) {
            routing.disconnected(user);
        }
        if (user != null && board.detach(user, c)) {
            presence.changed(user, PresenceStatus.OFFLINE, board.localUsers(), board::deliver);
        }
    }

    /** A message from another node. */
    public void onNode(NodeMessage m) {
        try {
            if (m instanceof NodeMessage.ForRooms r) {
                routing.onNode(r);
            } else {
                board.onNode(m);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "node message %s failed", m.getClass().getSimpleName());
        }
    }

    /** Ring timeouts, liveness of remote parties and nodes, presence sweep. Call about once a second. */
    public void tick() {
        board.tick();
        routing.tick();
        presence.sweep(board.localUsers(), board::deliver);
    }

    /** Users connected here now. */
    public List<String> users() {
        return List.copyOf(board.localUsers());
    }

    /** Calls homed here now, by id, with their state (diagnostics and tests). */
    public Map<String, CallState> calls() {
        Map<String, CallState> out = new HashMap<>();
        board.calls().forEach(call -> out.put(call.id(), call.state()));
        return out;
    }
}
