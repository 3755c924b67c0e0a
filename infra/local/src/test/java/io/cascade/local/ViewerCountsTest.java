// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.time.ManualClock;
import io.cascade.platform.directory.ViewerCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster-wide viewer counts on a real two-member Infinispan cluster, time moved by hand. */
class ViewerCountsTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, ViewerCounts.CACHES);
    private static EmbeddedInfinispan a;
    private static EmbeddedInfinispan b;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private ViewerCounts onA;
    private ViewerCounts onB;

    @BeforeAll
    static void startNodes() throws Exception {
        a = ISPN.startNode(0);
        b = ISPN.startNode(1);
    }

    @BeforeEach
    void clean() {
        a.cache(ViewerCounts.CACHES.getFirst()).clear();
        onA = new ViewerCounts(a.cache(ViewerCounts.CACHES.getFirst()), clock, Duration.ofSeconds(6));
        onB = new ViewerCounts(b.cache(ViewerCounts.CACHES.getFirst()), clock, Duration.ofSeconds(6));
    }

    @Test
    void countsAreSummedPerEdgeAndRegionAcrossMembers() {
        onA.report("edge-eu-1", "eu", Map.of("b1", 10L, "b2", 3L));
        onB.report("edge-eu-2", "eu", Map.of("b1", 5L));
        onB.report("edge-us-1", "us", Map.of("b1", 7L, "b2", 0L));

        ViewerCounts.Totals b1 = onA.of("b1", null);
        assertThat(b1.total()).isEqualTo(22);
        assertThat(b1.byEdge()).isEqualTo(Map.of("edge-eu-1", 10L, "edge-eu-2", 5L, "edge-us-1", 7L));
        assertThat(b1.byRegion()).isEqualTo(Map.of("eu", 15L, "us", 7L));
        assertThat(onB.of("b2", null).byEdge()).as("zero counts are not listed").isEqualTo(Map.of("edge-eu-1", 3L));
        assertThat(onB.of("unknown", null)).isEqualTo(ViewerCounts.Totals.NONE);
    }

    @Test
    void aNodesOwnLiveCountsReplaceItsLastReport() {
        onA.report("edge-eu-1", "eu", Map.of("b1", 10L));
        onB.report("edge-us-1", "us", Map.of("b1", 1L));
        ViewerCounts.Totals t = onA.of("b1", "edge-eu-1", "eu", Map.of("b1", 12L));
        assertThat(t.total()).isEqualTo(13);
        assertThat(t.byEdge()).containsEntry("edge-eu-1", 12L);
    }

    @Test
    void aDeadEdgesViewersStopCountingOneTtlAfterItsLastReport() {
        onA.report("edge-eu-1", "eu", Map.of("b1", 10L));
        onB.report("edge-us-1", "us", Map.of("b1", 4L));
        clock.advance(Duration.ofSeconds(5));
        onB.report("edge-us-1", "us", Map.of("b1", 4L)); // still alive
        assertThat(onA.of("b1", null).total()).isEqualTo(14);
        clock.advance(Duration.ofMillis(1001)); // edge-eu-1 is one TTL past its last report
        assertThat(onA.of("b1", null).byEdge()).isEqualTo(Map.of("edge-us-1", 4L));
        onB.withdraw("edge-us-1");
        assertThat(onA.of("b1", null)).isEqualTo(ViewerCounts.Totals.NONE);
    }

    @Test
    void garbageInTheCacheIsSkipped() {
        a.cache(ViewerCounts.CACHES.getFirst()).put("edge-x", "{not json");
        onB.report("edge-us-1", "us", Map.of("b1", 2L));
        assertThat(onA.of("b1", null).total()).isEqualTo(2);
    }
}
