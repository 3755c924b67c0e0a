// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory on a real Infinispan cache, with time moved by hand: no sleeps. */
class DirectoryTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(1, List.of("nodes", "sessions", "streams"));
    private static EmbeddedInfinispan node;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private Directory dir;

    @BeforeAll
    static void startNode() throws Exception {
        node = ISPN.startNode(0);
    }

    @BeforeEach
    void clean() {
        for (String c : List.of("nodes", "sessions", "streams")) {
            node.cache(c).clear();
        }
        dir = new Directory(node.cache("nodes"), node.cache("sessions"), node.cache("streams"), clock, Duration.ofSeconds(6));
    }

    private static NodeInfo node(String id, String role, String region, double load) {
        return new NodeInfo(id, Set.of(role), region, Map.of("http", "http://" + id + ":8080"), load);
    }

    @Test
    void lookupsFilterByRoleAndRegionAndRankByLoad() {
        dir.register(node("edge-eu-2", "edge", "eu", 0.7));
        dir.register(node("edge-eu-1", "edge", "eu", 0.2));
        dir.register(node("edge-us-1", "edge", "us", 0.1));
        dir.register(node("mid-1", "mid", "eu", 0.0));
        dir.register(new NodeInfo("all-in-one", Set.of("all"), "local", Map.of(), 0.5));

        assertThat(dir.nodes("edge", "eu")).extracting(NodeInfo::id).containsExactly("edge-eu-1", "edge-eu-2");
        assertThat(dir.nodes("edge", null)).extracting(NodeInfo::id)
                .containsExactly("edge-us-1", "edge-eu-1", "all-in-one", "edge-eu-2");
        assertThat(dir.nodes("mid", "us")).isEmpty();
    }

    @Test
    void aNodeWithoutHeartbeatVanishesOneTtlLaterAndAHeartbeatKeepsItAlive() {
        dir.register(node("edge-1", "edge", "eu", 0.1));
        dir.register(node("edge-2", "edge", "eu", 0.1));

        clock.advance(Duration.ofSeconds(4));
        dir.register(node("edge-2", "edge", "eu", 0.4)); // heartbeat
        assertThat(dir.isAlive("edge-1")).isTrue();

        clock.advance(Duration.ofMillis(2_001)); // edge-1: 6.001 s since its last heartbeat
        assertThat(dir.isAlive("edge-1")).isFalse();
        assertThat(dir.nodes("edge", "eu")).extracting(NodeInfo::id).containsExactly("edge-2");
        assertThat(dir.node("edge-2")).hasValueSatisfying(n -> assertThat(n.load()).isEqualTo(0.4));
    }

    @Test
    void sessionsFollowTheirNodesLifeAndOnlyTheOwningNodeUnbinds() {
        dir.register(node("sig-a", "signaling", "eu", 0));
        dir.register(node("sig-b", "signaling", "eu", 0));
        dir.bindSession("alice", "sig-a");
        dir.bindSession("bob", "sig-b");
        assertThat(dir.sessionNode("alice")).contains("sig-a");

        dir.bindSession("alice", "sig-b"); // alice logged in again elsewhere
        dir.unbindSession("alice", "sig-a"); // the stale node's cleanup must not log her out
        assertThat(dir.sessionNode("alice")).contains("sig-b");

        clock.advance(Duration.ofSeconds(7)); // both nodes missed their heartbeats
        dir.register(node("sig-a", "signaling", "eu", 0));
        assertThat(dir.sessionNode("alice")).isEmpty();
        assertThat(dir.sessionNode("bob")).isEmpty();
        assertThat(dir.sessionNode("nobody")).isEmpty();
    }

    @Test
    void streamsListOnlyLiveNodesServingThem() {
        dir.register(node("edge-1", "edge", "eu", 0.5));
        dir.register(node("edge-2", "edge", "eu", 0.1));
        dir.announceStream("bcast/42/720p", "edge-1");
        dir.announceStream("bcast/42/720p", "edge-2");
        dir.announceStream("bcast/42/360p", "edge-1");

        assertThat(dir.streamNodes("bcast/42/720p")).extracting(NodeInfo::id).containsExactly("edge-2", "edge-1");
        dir.withdrawStream("bcast/42/720p", "edge-2");
        assertThat(dir.streamNodes("bcast/42/720p")).extracting(NodeInfo::id).containsExactly("edge-1");
        assertThat(dir.streamNodes("bcast/42/72")).isEmpty();

        clock.advance(Duration.ofSeconds(7));
        assertThat(dir.streamNodes("bcast/42/360p")).isEmpty();
    }

    @Test
    void announcementsCarryFormatsNewestFirstAndVanishWithTheirNode() {
        dir.register(node("origin-a", "origin", "eu", 0));
        dir.register(node("worker-b", "origin", "eu", 0));
        dir.announceStream("bcast/7/program", "origin-a", "[{\"index\":0}]");
        clock.advance(Duration.ofSeconds(1));
        dir.announceStream("bcast/7/360p", "worker-b", "[\"b\"]");
        dir.announceStream("bcast/70/360p", "worker-b"); // no formats
        dir.announceStream("other/7/360p", "worker-b", "[]");

        assertThat(dir.announcements("bcast/7/")).extracting(Directory.StreamAnnouncement::stream)
                .containsExactly("bcast/7/360p", "bcast/7/program");
        assertThat(dir.announcementsOf("bcast/7/program")).singleElement().satisfies(a -> {
            assertThat(a.nodeId()).isEqualTo("origin-a");
            assertThat(a.formats()).isEqualTo("[{\"index\":0}]");
        });
        assertThat(dir.announcementsOf("bcast/70/360p")).singleElement().extracting(Directory.StreamAnnouncement::formats).isNull();
        dir.announceStream("bcast/7/360p", "worker-b", "[\"b2\"]"); // formats changed: replaced
        assertThat(dir.announcementsOf("bcast/7/360p")).extracting(Directory.StreamAnnouncement::formats).containsExactly("[\"b2\"]");
        node.cache("streams").put("bcast/7/480p@worker-b", "{not json");
        assertThat(dir.announcements("bcast/7/")).hasSize(2);

        clock.advance(Duration.ofSeconds(5)); // worker-b: 6 s since it registered
        dir.register(node("origin-a", "origin", "eu", 0));
        assertThat(dir.announcements("bcast/")).extracting(Directory.StreamAnnouncement::nodeId).containsExactly("origin-a");
    }

    @Test
    void garbageInTheCacheIsSkippedNotFatal() {
        node.cache("nodes").put("junk", "{not json");
        dir.register(node("edge-1", "edge", "eu", 0));
        assertThat(dir.nodes(null, null)).extracting(NodeInfo::id).containsExactly("edge-1");
        assertThat(dir.node("junk")).isEmpty();
    }
}
