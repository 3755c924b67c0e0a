// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cascade.conferencing.users.InMemoryUserService;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.time.ManualClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rooms across signaling nodes without media (docs/signaling.md, "Rooms across nodes"): nodes in
 * one thread whose node link is a queue the test delivers from, so that races between a claim and
 * a message in flight happen in the order the test chooses, and whose room claims live in a real
 * two-member Infinispan cluster. Covers the errors of forwarded messages, joins that reach their
 * home through a node that lost the claim, a room hosted by a node that lost its claim, and the
 * home's offers to a slow remote SFU.
 */
@Timeout(120)
class RoomsAcrossNodesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, RoomHomes.CACHES);
    private static EmbeddedInfinispan ispnA;
    private static EmbeddedInfinispan ispnB;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryLocator.Cluster cluster = new InMemoryLocator.Cluster();
    /** Messages between nodes, in the order sent: the test delivers them. */
    private final Queue<Sent> wire = new ArrayDeque<>();
    private final Map<String, SignalingNode> nodes = new HashMap<>();
    /** Nodes each node's claims take for dead (a heartbeat that came late). */
    private final Map<String, Set<String>> deadTo = new HashMap<>();
    private final String room = "r" + System.nanoTime();

    private record Sent(String to, NodeMessage message) {}

    @BeforeAll
    static void twoMembers() throws Exception {
        ispnA = ISPN.startNode(0);
        ispnB = ISPN.startNode(1);
        Await.until("two cluster members", Duration.ofSeconds(30), () -> ispnA.clusterSize() == 2 && ispnB.clusterSize() == 2);
    }

    private SignalingNode node(String id, EmbeddedInfinispan ispn) {
        return node(id, ispn, new RemoteSfus(id, "t", node -> Optional.empty(), (to, m) -> wire.add(new Sent(to, m))));
    }

    private SignalingNode node(String id, EmbeddedInfinispan ispn, RemoteSfus remote) {
        SignalingNode n = new SignalingNode(SignalingSettings.defaults(id), clock, InMemoryUserService.seeded(),
                new Authenticator(Optional.of("dev"), Optional.empty(), clock), new InMemoryLocator(cluster, id),
                (to, m) -> wire.add(new Sent(to, m)), CallEvents.none());
        Set<String> dead = deadTo.computeIfAbsent(id, k -> new HashSet<>());
        ConcurrentMap<String, String> claims = ispn.cache(RoomHomes.CACHE);
        n.cluster(new RoomHomes(claims, id, node -> !dead.contains(node)), remote);
        nodes.put(id, n);
        return n;
    }

    /** Delivers what is in flight, and what that causes, until the link is quiet. */
    private void deliverAll() {
        for (Sent s; (s = wire.poll()) != null; ) {
            nodes.get(s.to()).onNode(s.message());
        }
    }

    private static TestClient connect(SignalingNode node, String user) {
        TestClient c = new TestClient(user);
        c.connection = node.open(c, "dev", user);
        c.take(ServerMessage.Welcome.class);
        return c;
    }

    private static void send(SignalingNode node, TestClient c, String json) {
        node.onText(c.connection, json);
    }

    private String join() {
        return "{\"type\":\"room.join\",\"room\":\"" + room + "\"}";
    }

    private String leave() {
        return "{\"type\":\"room.leave\",\"room\":\"" + room + "\"}";
    }

    private String chat(String id) {
        return "{\"type\":\"room.chat\",\"room\":\"" + room + "\",\"id\":\"" + id + "\",\"text\":\"hi\"}";
    }

    @Test
    void aForwardedMessagesErrorNamesTheRefusedType() {
        SignalingNode a = node("err-a", ispnA);
        SignalingNode b = node("err-b", ispnB);
        TestClient ann = connect(a, "ann");
        TestClient cid = connect(b, "cid");
        send(a, ann, join());
        send(b, cid, join());
        deliverAll();
        cid.take(ServerMessage.RoomJoined.class);

        send(b, cid, "{\"type\":\"room.sdp\",\"room\":\"" + room + "\",\"to\":\"nobody\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        deliverAll();
        ServerMessage.Error e = cid.take(ServerMessage.Error.class);
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(e.inReplyTo()).isEqualTo("room.sdp");

        send(b, cid, "{\"type\":\"room.subscribe\",\"room\":\"" + room + "\",\"user\":\"ann\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        deliverAll();
        ServerMessage.Error notLive = cid.take(ServerMessage.Error.class);
        assertThat(notLive.code()).isEqualTo(ErrorCode.SFU_REFUSED);
        assertThat(notLive.inReplyTo()).as("as a member of the home's node gets it").isEqualTo("room.subscribe");
    }

    /**
     * The window: B reads A's claim and forwards a join; before it arrives A's room empties and
     * A releases the claim, and B claims the room for a join of its own. A passes the first join
     * on to the holder, B, which is the joiner's own node: it must be a local member there, and
     * B must stop routing that user's messages to A.
     */
    @Test
    void aJoinThatComesBackToItsOwnNodeAfterALostClaimIsLocalThere() {
        SignalingNode a = node("race-a", ispnA);
        SignalingNode b = node("race-b", ispnB);
        TestClient ann = connect(a, "ann");
        TestClient cid = connect(b, "cid");
        TestClient dan = connect(b, "dan");
        send(a, ann, join());
        assertThat(a.rooms().members(room)).containsExactly("ann");

        send(b, cid, join()); // B reads A's claim: cid's join is on its way to A
        send(a, ann, leave()); // A's room empties, the claim goes
        send(b, dan, join()); // B claims the room for dan
        assertThat(b.rooms().members(room)).containsExactly("dan");
        deliverAll(); // A passes cid's join on to the holder, B

        assertThat(b.rooms().members(room)).containsExactly("dan", "cid");
        assertThat(a.rooms().members(room)).isEmpty();
        cid.take(ServerMessage.RoomJoined.class);
        send(b, cid, chat("m1"));
        deliverAll();
        assertThat(dan.take(ServerMessage.RoomChatMessage.class).from()).as("cid's messages go to B, not A").isEqualTo("cid");
        assertThat(cid.pending(ServerMessage.Error.class)).isEmpty();

        b.onClose(cid.connection);
        deliverAll();
        assertThat(b.rooms().members(room)).as("no ghost member").containsExactly("dan");
    }

    /** As above with a third node holding the claim: the home tells the member's node where the room is. */
    @Test
    void aJoinPassedOnByANodeThatLostTheClaimReroutesTheMembersLaterMessages() {
        SignalingNode a = node("via-a", ispnA);
        SignalingNode b = node("via-b", ispnB);
        SignalingNode c = node("via-c", ispnA);
        TestClient ann = connect(a, "ann");
        TestClient cid = connect(b, "cid");
        TestClient eve = connect(c, "eve");
        send(a, ann, join());
        send(b, cid, join());
        send(a, ann, leave());
        send(c, eve, join());
        deliverAll();

        assertThat(c.rooms().members(room)).containsExactly("eve", "cid");
        cid.take(ServerMessage.RoomJoined.class);
        send(b, cid, chat("m2"));
        deliverAll();
        assertThat(eve.take(ServerMessage.RoomChatMessage.class).from()).isEqualTo("cid");
        assertThat(cid.pending(ServerMessage.Error.class)).isEmpty();
        b.onClose(cid.connection);
        deliverAll();
        assertThat(c.rooms().members(room)).containsExactly("eve");
    }

    /**
     * B took A for dead and took the room's claim over while A still ran the room. A routes new
     * joins to the claim's holder, and on its next tick ends its copy: its members are told
     * {@code room.left}, so that their pages join at B.
     */
    @Test
    void aNodeThatLostTheClaimStopsRoutingJoinsToItselfAndEndsItsCopy() {
        SignalingNode a = node("split-a", ispnA);
        SignalingNode b = node("split-b", ispnB);
        TestClient ann = connect(a, "ann");
        TestClient bea = connect(a, "bea");
        TestClient cid = connect(b, "cid");
        send(a, ann, join());
        deadTo.get("split-b").add("split-a"); // A's heartbeat is late as B sees it
        send(b, cid, join());
        assertThat(b.rooms().members(room)).as("B took the room over").containsExactly("cid");
        deadTo.get("split-b").clear();

        send(a, bea, join());
        deliverAll();
        assertThat(a.rooms().members(room)).as("bea's join went to the holder").containsExactly("ann");
        assertThat(b.rooms().members(room)).containsExactly("cid", "bea");
        bea.take(ServerMessage.RoomJoined.class);

        a.tick();
        deliverAll();
        assertThat(a.rooms().hosts(room)).isFalse();
        assertThat(ann.take(ServerMessage.RoomLeft.class).room()).isEqualTo(room);
        send(a, ann, join());
        deliverAll();
        assertThat(b.rooms().members(room)).containsExactly("cid", "bea", "ann");
    }

    /**
     * The home's offer to the SFU of a member's node is an HTTP call that does not block the
     * home: the room serves its other members while the answer is out, the answer is applied
     * when it comes, and an answer that comes after its member left has its session closed.
     */
    @Test
    void offersToASlowRemoteSfuDoNotHoldTheHomeAndLateAnswersAreClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool();
        slow.setExecutor(handlers);
        int[] next = {0};
        slow.createContext(RemoteSfus.PATH, ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id;
            synchronized (next) {
                id = "late-" + ++next[0];
            }
            asked.add(id + " " + body);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = ("{\"session\":\"" + id + "\",\"sdp\":\"v=0 answer\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        slow.start();
        BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
        URI address = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + HttpNodeLink.PATH);
        try (RemoteSfus remote = new RemoteSfus("slow-a", "t", n -> Optional.of(address), (to, m) -> wire.add(new Sent(to, m)))) {
            SignalingNode a = node("slow-a", ispnA, remote);
            SignalingNode b = node("slow-b", ispnB);
            a.sfu(new FakeSfu(), loop::add);
            TestClient ann = connect(a, "ann");
            TestClient cid = connect(b, "cid");
            TestClient dan = connect(b, "dan");
            send(a, ann, join());
            send(b, cid, join());
            send(b, dan, join());
            deliverAll();

            String publish = "{\"type\":\"room.publish\",\"room\":\"" + room + "\",\"track\":\"cam\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}";
            send(b, cid, publish);
            send(b, dan, publish);
            deliverAll(); // the home sent both offers and went on
            assertThat(asked.poll(20, TimeUnit.SECONDS)).contains("\"kind\":\"publish\"");
            assertThat(asked.poll(20, TimeUnit.SECONDS)).contains("\"kind\":\"publish\"");

            send(a, ann, chat("while-asking")); // the room serves its members meanwhile
            deliverAll();
            assertThat(cid.take(ServerMessage.RoomChatMessage.class).id()).isEqualTo("while-asking");
            assertThat(ann.take(ServerMessage.RoomChatReceipt.class).id()).isEqualTo("while-asking");

            send(b, dan, leave()); // dan leaves before his answer
            deliverAll();
            release.countDown();
            for (int done = 0; done < 2; done++) { // the signaling thread applies both answers when they come
                Runnable answer = loop.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
                assertThat(answer).as("an answer came back to the signaling thread").isNotNull();
                answer.run();
            }
            List<NodeMessage> sent = wire.stream().map(Sent::message).toList();
            deliverAll();
            ServerMessage.RoomAnswer answer = cid.take(ServerMessage.RoomAnswer.class);
            assertThat(answer.description().sdp()).isEqualTo("v=0 answer");
            assertThat(dan.pending(ServerMessage.RoomAnswer.class)).isEmpty();
            assertThat(sent).as("dan's late session is closed on his node")
                    .anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(NodeMessage.SfuControl.class, c ->
                            assertThat(c.downlinkKbps()).isNull()));
        } finally {
            release.countDown();
            slow.stop(0);
            handlers.shutdownNow();
        }
    }
}
