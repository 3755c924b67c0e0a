// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cascade.app.bench.AppCluster;
import io.cascade.app.bench.AppNode;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.Chromium;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls and rooms across two real application processes (docs/signaling.md, "Rooms across
 * nodes"): the packaged {@code quarkus-run.jar}, the one {@code bin/cascade up} runs, started twice
 * as {@code bin/cascade up --node N} lays nodes out on one host ({@link AppCluster}: node 1 with
 * the embedded Kafka and S3, node 2 using them, one Infinispan cluster), so the whole wiring of
 * the application is under test, not the hand-copied one of {@link RoomNode}. Run by failsafe
 * after {@code package}, so {@code ./mvnw verify} runs it.
 *
 * <ol>
 *   <li>A 1:1 call ({@code /app}) between a user on node 1 and one on node 2 connects: both
 *       pages decode video.</li>
 *   <li>A room of three in SFU mode (the first member reports a 100 kbps uplink, which sets the
 *       room's mesh threshold to 2), two members on node 1 (the first makes it the home), one on
 *       node 2, cameras in simulcast: each page decodes both others, and each node's relay holds
 *       the other node's cameras, pulled.</li>
 *   <li>Node 1, the room's home, is killed (SIGKILL: no goodbye to the cluster). The page on
 *       node 2 is told {@code room.left} and joins again, node 2 (the only live node) becoming the
 *       home: a second member joining on node 2 finds it there.</li>
 * </ol>
 * Node logs are under {@code target/rooms-across-processes-*}; their tails are printed on failure.
 */
class RoomsAcrossProcessesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NODE_READY = Duration.ofSeconds(150);
    private static final Duration PAGE_UP = Duration.ofSeconds(45);
    private static final Duration MEDIA = Duration.ofSeconds(90);
    private static final String SMALL = "&w=320&h=180";
    private static final int FRAMES = 15;
    /** The relay API's token when none is configured (cascade.relay.token). */
    private static final String RELAY_TOKEN = "dev-relay-token";

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void callsAndRoomsSpanTwoApplicationProcessesAndARoomOutlivesItsHome() throws Throwable {
        assumeTrue(Chromium.available(), "Chromium not installed (apt-get install chromium); CI installs it");
        Path jar = Path.of(System.getProperty("cascade.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application (failsafe runs after package)").isRegularFile();
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        Path dir = Files.createTempDirectory(target, "rooms-across-processes-");
        AppCluster cluster = null;
        try {
            cluster = AppCluster.start(jar, dir, 2, NODE_READY);
            AppNode one = cluster.node(1);
            AppNode two = cluster.node(2);
            Await.until("each node sees the other with its signaling and relay addresses", Duration.ofSeconds(60),
                    () -> sees(one, "node-2") && sees(two, "node-1"));
            try (Chromium chromium = Chromium.start()) {
                callAcross(chromium, one, two);
                String onTwo = roomAcross(chromium, one, two);
                one.kill();
                homeDies(chromium, two, onTwo);
            }
        } catch (Throwable t) {
            System.out.println("RoomsAcrossProcessesIT failed; node logs under " + dir + "\n" + AppCluster.logTails(dir, 60));
            throw t;
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /**
     * A user on node 1 calls one on node 2 (auto-accepting): both decode the other's camera. The
     * callee is no seeded user: node 2 creates it on sign-in in the shared user store, which is
     * where node 1 finds it (an unknown callee would be refused with unknown_user).
     */
    /** Not one of the seeded users (UserService.localSeeds). */
    private static final String CALLEE = "quinn";

    private static void callAcross(Chromium chromium, AppNode one, AppNode two) {
        String bob = connected(chromium, two.base() + "/app?user=" + CALLEE + "&autoaccept=1");
        String alice = connected(chromium, one.base() + "/app?user=alice&call=" + CALLEE);
        // decoding, or the call's end (fails at once instead of waiting out the bound)
        String decoding = "(await cascade.stats()).find(s => s.framesDecoded >= 30 && s.mode)"
                + " || (cascade.state().lastEnd && { ended: cascade.state().lastEnd })";
        JsonNode a = MeetPages.waitFor(chromium, alice, decoding, MEDIA);
        JsonNode b = MeetPages.waitFor(chromium, bob, decoding, MEDIA);
        System.out.println("call across processes: alice@node-1 " + a + ", bob@node-2 " + b);
        assertThat(a.has("ended")).as("alice's call ended: " + a).isFalse();
        assertThat(b.has("ended")).as("bob's call ended: " + b).isFalse();
        assertThat(a.path("peer").asText()).isEqualTo(CALLEE);
        assertThat(b.path("peer").asText()).isEqualTo("alice");
        chromium.evaluate(alice, "cascade.hangup(), true", Duration.ofSeconds(5));
        MeetPages.waitFor(chromium, bob, "cascade.state().lastEnd", PAGE_UP);
        // the call pages' cameras stop: the room that follows has the machine's CPU
        for (String page : List.of(alice, bob)) {
            chromium.evaluate(page, "setTimeout(() => location.replace('about:blank'), 0), true", Duration.ofSeconds(5));
        }
    }

    /**
     * Two members on node 1 (home), one on node 2, SFU with simulcast: everyone decodes everyone.
     * Returns the page of the member on node 2.
     */
    private static String roomAcross(Chromium chromium, AppNode one, AppNode two) throws IOException {
        String ann = MeetPages.join(chromium, one.base() + "/meet/span?name=x-ann&uplink=100" + SMALL, PAGE_UP);
        String bea = MeetPages.join(chromium, one.base() + "/meet/span?name=x-bea" + SMALL, PAGE_UP);
        String cid = MeetPages.join(chromium, two.base() + "/meet/span?name=x-cid" + SMALL, PAGE_UP);
        for (String page : List.of(ann, bea, cid)) {
            JsonNode stats = MeetPages.waitFor(chromium, page, MeetPages.allDecode(2, "sfu", FRAMES), MEDIA);
            System.out.println("span across processes: " + stats);
            assertThat(stats).hasSize(2);
        }
        assertThat(relayStreams(two)).as("node 2's relay pulled node 1's cameras")
                .contains("room/span/x-ann/cam", "room/span/x-bea/cam");
        assertThat(relayStreams(one)).as("node 1's relay pulled node 2's camera").contains("room/span/x-cid/cam");
        for (String page : List.of(ann, bea, cid)) {
            assertThat(chromium.evaluate(page, "cascade.state().rejoins", Duration.ofSeconds(5)).asInt())
                    .as("nobody rejoined while both nodes lived").isZero();
        }
        return cid;
    }

    /**
     * Node 1 is dead: its member on node 2 gets {@code room.left} and joins again; node 2, now the
     * home, runs the room: a new member there sees it.
     */
    private static void homeDies(Chromium chromium, AppNode two, String cid) {
        JsonNode state = MeetPages.waitFor(chromium, cid,
                "cascade.state().rejoins >= 1 && cascade.state().joined ? cascade.state() : null", MEDIA);
        System.out.println("after the home died: rejoins " + state.path("rejoins") + ", joins " + state.path("joins")
                + ", peers " + state.path("peers"));
        assertThat(state.path("rejoins").asInt()).isEqualTo(1);
        String dee = MeetPages.join(chromium, two.base() + "/meet/span?name=x-dee" + SMALL, PAGE_UP);
        MeetPages.waitFor(chromium, dee, "Object.keys(cascade.state().peers).includes('x-cid')", PAGE_UP);
        MeetPages.waitFor(chromium, cid, "Object.keys(cascade.state().peers).includes('x-dee')", PAGE_UP);
        JsonNode peers = chromium.evaluate(cid, "Object.keys(cascade.state().peers)", Duration.ofSeconds(5));
        assertThat(peers.toString()).as("the members of the dead node left the room").doesNotContain("x-ann", "x-bea");
    }

    /** Opens a calling page and waits until its signaling socket is welcomed. */
    private static String connected(Chromium chromium, String url) {
        String session = chromium.open(url);
        long deadline = System.nanoTime() + PAGE_UP.toNanos();
        while (true) {
            try {
                MeetPages.waitFor(chromium, session, "window.cascade && cascade.state().connected", PAGE_UP);
                return session;
            } catch (IllegalStateException e) { // the page navigated under the evaluation
                if (!String.valueOf(e.getMessage()).contains("context") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** Whether {@code node}'s directory lists {@code other} with its signaling link and relay API. */
    private static boolean sees(AppNode node, String other) {
        try {
            HttpResponse<String> r = node.get("/api/v1/nodes", "dev");
            if (r.statusCode() != 200) {
                return false;
            }
            for (JsonNode n : JSON.readTree(r.body())) {
                if (n.path("id").asText().equals(other)) {
                    JsonNode addresses = n.path("addresses");
                    return addresses.has("signaling") && addresses.has("relay");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Names of the streams in {@code node}'s relay ({@code GET /relay/v1/streams}). */
    private static List<String> relayStreams(AppNode node) throws IOException {
        HttpResponse<String> r = node.get("/relay/v1/streams", RELAY_TOKEN);
        assertThat(r.statusCode()).as("GET /relay/v1/streams: " + r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(r.body()).path("streams").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }
}
