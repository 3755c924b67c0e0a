// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.ViewerSessions;
import io.cascade.platform.directory.ViewerSessions.Live;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infinispan.commons.api.BasicCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which edge serves which viewer session, on a real two-member Infinispan cluster, time moved by hand. */
class ViewerSessionsTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, ViewerSessions.CACHES);
    private static EmbeddedInfinispan a;
    private static EmbeddedInfinispan b;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private BasicCache<String, String> cacheA;
    private ViewerSessions edgeEu;
    private ViewerSessions edgeUs;

    @BeforeAll
    static void startNodes() throws Exception {
        a = ISPN.startNode(0);
        b = ISPN.startNode(1);
    }

    @BeforeEach
    void clean() {
        cacheA = a.cache(ViewerSessions.CACHES.getFirst());
        cacheA.clear();
        edgeEu = new ViewerSessions(cacheA, clock, Duration.ofSeconds(6), 1000);
        edgeUs = new ViewerSessions(b.cache(ViewerSessions.CACHES.getFirst()), clock, Duration.ofSeconds(6), 1000);
    }

    @Test
    void eachSessionIsFoundOnEveryMemberWithTheEdgeServingIt() {
        edgeEu.sync("edge-eu-1", "eu", List.of(new Live("w1", "b1", "whep"), new Live("hls-01", "b1", "hls")));
        clock.advance(Duration.ofMillis(10));
        edgeUs.sync("edge-us-1", "us", List.of(new Live("w2", "b1", "whep"), new Live("w3", "b2", "whep")));

        assertThat(edgeUs.find("w1")).get().satisfies(s -> {
            assertThat(s.node()).isEqualTo("edge-eu-1");
            assertThat(s.region()).isEqualTo("eu");
            assertThat(s.kind()).isEqualTo("whep");
            assertThat(s.since()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
        });
        assertThat(edgeEu.find("w3")).get().extracting(ViewerSessions.Session::node).isEqualTo("edge-us-1");
        assertThat(edgeEu.of("b1", 10)).extracting(ViewerSessions.Session::id).containsExactly("hls-01", "w1", "w2");
        assertThat(edgeEu.of("b1", 2)).hasSize(2);
        assertThat(edgeEu.find("nope")).isEmpty();
        assertThat(edgeEu.find("../../etc")).isEmpty();
    }

    @Test
    void anEndedSessionIsRemovedAndADeadEdgesSessionsExpireOneTtlAfterItsLastSync() {
        edgeEu.sync("edge-eu-1", "eu", List.of(new Live("w1", "b1", "whep"), new Live("w2", "b1", "whep")));
        edgeUs.sync("edge-us-1", "us", List.of(new Live("w9", "b1", "whep")));
        ViewerSessions.Sync s = edgeEu.sync("edge-eu-1", "eu", List.of(new Live("w1", "b1", "whep")));
        assertThat(s.removed()).isOne();
        assertThat(s.written()).as("nothing changed and not half a TTL old: no write").isZero();
        assertThat(edgeUs.find("w2")).isEmpty();

        for (int i = 0; i < 4; i++) { // edge-eu-1 keeps syncing every 2 s, edge-us-1 went silent
            clock.advance(Duration.ofSeconds(2));
            edgeEu.sync("edge-eu-1", "eu", List.of(new Live("w1", "b1", "whep")));
        }
        assertThat(edgeEu.find("w1")).as("refreshed every half TTL").isPresent()
                .get().extracting(ViewerSessions.Session::since)
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
        assertThat(edgeEu.find("w9")).as("8 s after edge-us-1's last sync").isEmpty();
        assertThat(edgeEu.of("b1", 10)).extracting(ViewerSessions.Session::node).containsExactly("edge-eu-1");

        edgeEu.withdraw();
        assertThat(edgeUs.find("w1")).isEmpty();
    }

    @Test
    void pastTheLimitSessionsAreServedButNotListedAndBadIdsAreSkipped() {
        ViewerSessions small = new ViewerSessions(cacheA, clock, Duration.ofSeconds(6), 3);
        List<Live> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            live.add(new Live("s" + i, "b1", "hls"));
        }
        live.add(new Live("bad id with spaces", "b1", "hls"));
        live.add(new Live("s0", "b1", "hls")); // a duplicate
        ViewerSessions.Sync s = small.sync("edge-eu-1", "eu", live);
        assertThat(s.listed()).isEqualTo(3);
        assertThat(s.unlisted()).isEqualTo(2);
        assertThat(edgeUs.of("b1", 100)).hasSize(3);
        cacheA.put("garbage", "{not json");
        assertThat(edgeUs.of("b1", 100)).hasSize(3);
        assertThat(edgeUs.find("garbage")).isEmpty();
    }
}
