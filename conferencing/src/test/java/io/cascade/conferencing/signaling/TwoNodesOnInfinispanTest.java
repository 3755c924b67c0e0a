// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cascade.conferencing.users.InMemoryUserService;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import io.cascade.platform.time.ManualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two signaling nodes in one JVM, each with its own Infinispan node of one real cluster (the
 * directory: sessions user -> node, node heartbeats) and its own HTTP server for the direct node
 * link: a user on node A calls a user on node B; then B dies and its user shows offline on A one
 * TTL later. Time in the directory is a manual clock; the nodes' loops run on their own threads.
 */
class TwoNodesOnInfinispanTest {
    private static final String TOKEN = "test-cluster-token";
    private static final Duration TTL = Duration.ofSeconds(6);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, Directory.CACHES);

    private final ManualClock clock = new ManualClock(Instant.now());

    /** One signaling node with everything it runs on. */
    private final class Node implements AutoCloseable {
        final String id;
        final Directory directory;
        final HttpServer http;
        final HttpNodeLink link;
        final SignalingLoop loop;
        final NodeInfo info;

        Node(String id, EmbeddedInfinispan ispn) throws IOException {
            this.id = id;
            directory = new Directory(ispn.cache(Directory.CACHES.get(0)), ispn.cache(Directory.CACHES.get(1)),
                    ispn.cache(Directory.CACHES.get(2)), clock, TTL);
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            info = new NodeInfo(id, Set.of("signaling"), "local", Map.of(HttpNodeLink.ADDRESS_KEY,
                    "http://127.0.0.1:" + http.getAddress().getPort() + HttpNodeLink.PATH), 0);
            directory.register(info);
            link = new HttpNodeLink(id, TOKEN, HttpNodeLink.fromDirectory(directory));
            SignalingNode node = new SignalingNode(SignalingSettings.defaults(id), clock, InMemoryUserService.seeded(),
                    new Authenticator(Optional.of("dev"), Optional.empty(), clock), new DirectoryLocator(directory, id),
                    link, CallEvents.none());
            loop = new SignalingLoop(node, "signaling-" + id, Duration.ofMillis(50));
            NodeLinkReceiver receiver = new NodeLinkReceiver(TOKEN, loop);
            http.createContext(HttpNodeLink.PATH, ex -> {
                int status = receiver.receive(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestBody().readAllBytes());
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
            http.start();
        }

        TestClient connect(String user) {
            TestClient c = new TestClient(user);
            loop.run(n -> c.connection = n.open(c, "dev", user));
            c.await(ServerMessage.Welcome.class, BOUND);
            return c;
        }

        void send(TestClient c, String json) {
            loop.run(n -> n.onText(c.connection, json));
        }

        /** A crash: no deregistration, no goodbye; the directory entry just stops being refreshed. */
        @Override
        public void close() {
            loop.close();
            link.close();
            http.stop(0);
        }
    }

    @Test
    void aCallCrossesNodesAndADeadNodesUsersGoOfflineWithinTheTtl() throws Exception {
        EmbeddedInfinispan ispnA = ISPN.startNode(0);
        EmbeddedInfinispan ispnB = ISPN.startNode(1);
        Await.until("two cluster members", Duration.ofSeconds(30), () -> ispnA.clusterSize() == 2 && ispnB.clusterSize() == 2);
        try (Node a = new Node("sig-a", ispnA); Node b = new Node("sig-b", ispnB)) {
            TestClient bob = b.connect("bob");
            TestClient alice = a.connect("alice");
            assertThat(a.directory.sessionNode("bob")).contains("sig-b");
            assertThat(b.directory.sessionNode("alice")).contains("sig-a");

            a.send(alice, "{\"type\":\"call.invite\",\"to\":\"bob\",\"callId\":\"x1\",\"caps\":" + Net.CAPS + "}");
            assertThat(bob.await(ServerMessage.Incoming.class, BOUND).from()).isEqualTo("alice");
            alice.await(ServerMessage.Ringing.class, BOUND);
            b.send(bob, "{\"type\":\"call.accept\",\"callId\":\"x1\",\"caps\":" + Net.CAPS + "}");
            assertThat(alice.await(ServerMessage.Accepted.class, BOUND).peer()).isEqualTo("bob");
            a.send(alice, "{\"type\":\"call.sdp\",\"callId\":\"x1\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
            for (int i = 0; i < 20; i++) {
                a.send(alice, "{\"type\":\"call.ice\",\"callId\":\"x1\",\"candidate\":{\"candidate\":\"candidate:" + i + "\"}}");
            }
            // the offer and then the candidates, in the order sent, across the link
            assertThat(bob.await(ServerMessage.Sdp.class, BOUND).description().sdp()).isEqualTo("v=0");
            for (int i = 0; i < 20; i++) {
                assertThat(bob.await(ServerMessage.Ice.class, BOUND).candidate().candidate()).isEqualTo("candidate:" + i);
            }
            b.send(bob, "{\"type\":\"chat.send\",\"callId\":\"x1\",\"id\":\"m1\",\"text\":\"over the link\"}");
            assertThat(alice.await(ServerMessage.ChatMessage.class, BOUND).text()).isEqualTo("over the link");
            assertThat(bob.await(ServerMessage.ChatReceipt.class, BOUND).status()).isEqualTo(ReceiptStatus.SENT);

            // nothing was lost over the live link (after B dies, A may still try to tell it the call
            // ended: such a send fails and is counted, which is right and depends on timing)
            assertThat(a.link.dropped()).isZero();

            // node B dies mid-call; A keeps heartbeating
            b.close();
            clock.advance(TTL.plusSeconds(1));
            a.directory.register(a.info);
            // one tick ends the call (its callee is gone), then the presence sweep tells alice
            assertThat(alice.await(ServerMessage.Ended.class, BOUND).reason()).isEqualTo(EndReason.DISCONNECTED);
            ServerMessage.Presence offline = alice.await(ServerMessage.Presence.class, BOUND);
            assertThat(offline.user()).isEqualTo("bob");
            assertThat(offline.status()).isEqualTo(PresenceStatus.OFFLINE);
            assertThat(a.directory.sessionNode("bob")).isEmpty();
            List.of(alice, bob).forEach(TestClient::drain);
        }
    }
}
