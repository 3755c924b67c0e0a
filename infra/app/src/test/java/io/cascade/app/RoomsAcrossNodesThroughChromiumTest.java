// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.conferencing.signaling.MeshThreshold;
import io.cascade.conferencing.signaling.RoomHomes;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.StreamStats;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room spanning two nodes (docs/signaling.md, "Rooms across nodes"): two whole nodes
 * ({@link RoomNode}: signaling, relay, WebRTC gateway) in one JVM on one real two-member
 * Infinispan cluster over loopback, and real Chromium pages at each node's {@code /meet/{room}}.
 * The mesh threshold is 2, so three members are an SFU room. Two members connect to node A, the
 * first of them making A the room's home; one connects to node B, whose room messages go to A and
 * whose media goes to B's gateway. Each page must decode both others' video over the SFU: B's
 * member plays A's members from B's relay, which pulls them from A's; A's members play B's member
 * pulled into A. Then B's member leaves and A's pages see it go.
 *
 * <p>Pages publish their cameras with simulcast (three layers by rid): a pull brings every layer
 * over the relay link with the layout, and the pulling node's relay picks one per viewer. Small
 * captures for a 2-core machine; Chromium sends as many layers as the capture affords (one at
 * 320x180, two at 640x360), so A's first member captures 640x360, and B's member, unthrottled,
 * must come to decode it above its lowest layer, as a viewer on A would.
 */
class RoomsAcrossNodesThroughChromiumTest {
    private static final Duration PAGE_UP = Duration.ofSeconds(30);
    private static final Duration MEDIA = Duration.ofSeconds(60);
    private static final String PAGE = "&w=320&h=180";
    private static final int FRAMES = 15;

    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, caches());

    private static EmbeddedInfinispan ispnA;
    private static EmbeddedInfinispan ispnB;

    @BeforeAll
    static void cluster() throws Exception {
        ispnA = ISPN.startNode(0);
        ispnB = ISPN.startNode(1);
        Await.until("two cluster members", Duration.ofSeconds(30), () -> ispnA.clusterSize() == 2 && ispnB.clusterSize() == 2);
    }

    private static List<String> caches() {
        List<String> all = new ArrayList<>(Directory.CACHES);
        all.addAll(RoomHomes.CACHES);
        return all;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void threeMembersOnTwoNodesDecodeEachOtherThroughTheRelays() throws Exception {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        Vertx vertx = Vertx.vertx();
        MeshThreshold two = new MeshThreshold(2, 600);
        try (RoomNode a = new RoomNode("room-node-a", ispnA, vertx, two);
             RoomNode b = new RoomNode("room-node-b", ispnB, vertx, two);
             Chromium chromium = Chromium.start()) {
            Await.until("both nodes in the directory with their addresses", Duration.ofSeconds(20), () ->
                    a.directory.node(b.id).filter(n -> n.addresses().containsKey("signaling")).isPresent()
                            && b.directory.node(a.id).filter(n -> n.addresses().containsKey("relay")).isPresent());

            String ann = MeetPages.join(chromium, a.base + "/meet/span?name=x-ann&w=640&h=360", PAGE_UP);
            Await.until("node A is the room's home", Duration.ofSeconds(20), () -> a.id.equals(homeOf(a, "span")));
            String bea = open(chromium, a, "x-bea");
            String cid = open(chromium, b, "x-cid");
            assertThat(homeOf(b, "span")).isEqualTo(a.id);
            assertThat(b.signaling.rooms().members("span")).as("the room runs on A only").isEmpty();
            Await.until("three members on A", Duration.ofSeconds(20), () -> a.signaling.rooms().members("span").size() == 3);

            for (String page : List.of(ann, bea, cid)) {
                JsonNode stats = waitFor(chromium, page, allDecode(2, "sfu"), MEDIA);
                System.out.println("span: " + stats);
                assertThat(stats).hasSize(2);
            }
            climbsAboveTheLowestLayer(chromium, cid, a);
            System.out.println("pulled into A: " + a.relay.puller().pulled() + ", into B: " + b.relay.puller().pulled());
            assertThat(b.relay.puller().pulled()).containsKeys("room/span/x-ann/cam", "room/span/x-bea/cam");
            assertThat(a.relay.puller().pulled()).containsKey("room/span/x-cid/cam");
            for (var pulled : List.of(b.relay.puller().layers(StreamName.of("room/span/x-ann/cam")),
                    a.relay.puller().layers(StreamName.of("room/span/x-cid/cam")))) {
                assertThat(pulled).as("a pulled camera keeps its simulcast layout").hasValueSatisfying(layers ->
                        assertThat(layers.stream().filter(l -> layers.stream().filter(o -> o.group() == l.group()).count() == 3))
                                .as("three layers of one group").hasSize(3));
            }

            chromium.evaluate(cid, "cascade.leave()", Duration.ofSeconds(5));
            for (String page : List.of(ann, bea)) {
                waitFor(chromium, page, "!Object.keys(cascade.state().peers).includes('x-cid')", MEDIA);
            }
            Await.until("the member of B left the room on A", Duration.ofSeconds(20), () ->
                    !a.signaling.rooms().members("span").contains("x-cid"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The home of a room dies: the member on the other node is told it left ({@code room.left}),
     * and its page joins again, which makes the live node the home.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aPageWhoseRoomsHomeDiedJoinsAgainOnALiveNode() throws Exception {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        Vertx vertx = Vertx.vertx();
        RoomNode a = new RoomNode("home-node-a", ispnA, vertx, new MeshThreshold(4, 600));
        boolean aOpen = true;
        try (RoomNode b = new RoomNode("home-node-b", ispnB, vertx, new MeshThreshold(4, 600));
             Chromium chromium = Chromium.start()) {
            Await.until("both nodes in the directory with their addresses", Duration.ofSeconds(20), () ->
                    a.directory.node(b.id).filter(n -> n.addresses().containsKey("signaling")).isPresent()
                            && b.directory.node(a.id).filter(n -> n.addresses().containsKey("signaling")).isPresent());
            String eve = open(chromium, a, "x-eve", "solo");
            Await.until("node A is the room's home", Duration.ofSeconds(20), () -> a.id.equals(homeOf(a, "solo")));
            String dan = open(chromium, b, "x-dan", "solo");
            Await.until("two members on A", Duration.ofSeconds(20), () -> a.signaling.rooms().members("solo").size() == 2);
            assertThat(chromium.evaluate(eve, "cascade.state().joined", Duration.ofSeconds(5)).asBoolean()).isTrue();

            a.close(); // the home goes away (its heartbeat with it)
            aOpen = false;
            JsonNode state = waitFor(chromium, dan, "cascade.state().rejoins === 1 && cascade.state().joined"
                    + " ? cascade.state() : null", MEDIA);
            System.out.println("after the home died: " + state);
            assertThat(homeOf(b, "solo")).isEqualTo(b.id);
            assertThat(b.signaling.rooms().members("solo")).containsExactly("x-dan");
        } finally {
            if (aOpen) {
                a.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The viewer on B of x-ann (published on A at 640x360: layers of 160 and 320 wide) comes to
     * decode more than the lowest layer. Chromium may send only its lowest layer when the machine
     * is short of CPU; then there is nothing to climb to, which A's relay shows (no packets on
     * the upper layers), and only that excuses the viewer.
     */
    private static void climbsAboveTheLowestLayer(Chromium chromium, String viewer, RoomNode origin) throws Exception {
        String wide = "(await cascade.stats()).find(s => s.peer === 'x-ann' && s.frameWidth > 160)";
        try {
            System.out.println("x-ann on B: " + waitFor(chromium, viewer, wide, MEDIA));
        } catch (AssertionError stuck) {
            long before = upperLayerPackets(origin);
            Thread.sleep(3000);
            long after = upperLayerPackets(origin);
            if (after > before) {
                throw new AssertionError("x-ann sends an upper layer to A (" + (after - before)
                        + " packets in 3 s), yet the viewer on B stays on the lowest", stuck);
            }
            System.out.println("x-ann sent only its lowest layer (Chromium short of CPU): " + stuck.getMessage());
        }
    }

    /** Packets A's relay received on x-ann's video layers above the lowest. */
    private static long upperLayerPackets(RoomNode origin) throws Exception {
        return origin.relay.relay().stats().get(5, TimeUnit.SECONDS).stream()
                .filter(s -> s.name().equals("room/span/x-ann/cam"))
                .flatMap(s -> s.tracks().stream().filter(t -> t.kind().equals("video")).skip(1))
                .mapToLong(StreamStats.Track::packets).sum();
    }

    private static String homeOf(RoomNode node, String room) {
        return node.homes.holder(room);
    }

    private String open(Chromium chromium, RoomNode node, String name) {
        return open(chromium, node, name, "span");
    }

    private String open(Chromium chromium, RoomNode node, String name, String room) {
        return MeetPages.join(chromium, node.base + "/meet/" + room + "?name=" + name + PAGE, PAGE_UP);
    }

    private static String allDecode(int peers, String mode) {
        return MeetPages.allDecode(peers, mode, FRAMES);
    }

    private static JsonNode waitFor(Chromium chromium, String session, String expression, Duration bound) {
        return MeetPages.waitFor(chromium, session, expression, bound);
    }
}
