// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Viewer routing: the viewer's region first, then the least loaded; stable ties; URLs per edge. */
class EdgeRankingTest {
    private static final List<EdgeCandidate> EDGES = List.of(
            new EdgeCandidate("us-1", "us", 0.1, "http://us-1:8080"),
            new EdgeCandidate("eu-busy", "eu", 0.9, "http://eu-busy:8080"),
            new EdgeCandidate("eu-idle", "eu", 0.2, "http://eu-idle:8080/"),
            new EdgeCandidate("ap-1", "ap", 0.0, "http://ap-1:8080"),
            new EdgeCandidate("eu-also", "eu", 0.2, "http://eu-also:8080"));

    @Test
    void theViewersRegionComesFirstThenLoad() {
        assertThat(EdgeRanking.rank(EDGES, "eu")).extracting(EdgeCandidate::id)
                .containsExactly("eu-also", "eu-idle", "eu-busy", "ap-1", "us-1");
    }

    @Test
    void anUnknownOrMissingRegionRanksByLoadAlone() {
        assertThat(EdgeRanking.rank(EDGES, "mars")).extracting(EdgeCandidate::id)
                .containsExactly("ap-1", "us-1", "eu-also", "eu-idle", "eu-busy");
        assertThat(EdgeRanking.rank(EDGES, null)).isEqualTo(EdgeRanking.rank(EDGES, "mars"));
        assertThat(EdgeRanking.rank(EDGES, "")).isEqualTo(EdgeRanking.rank(EDGES, "mars"));
    }

    @Test
    void routesCarryHlsAndWhepUrlsAndTheTokenWhenThereIsOne() {
        List<EdgeRoute> routes = EdgeRanking.routes(EDGES, "eu", "b1", null);
        assertThat(routes.get(1)).isEqualTo(new EdgeRoute("eu-idle", "eu", 0.2, true,
                "http://eu-idle:8080/hls/b1/master.m3u8", "http://eu-idle:8080/whep/b1"));
        assertThat(routes.getLast().sameRegion()).isFalse();
        EdgeRoute signed = EdgeRanking.routes(EDGES, "eu", "b1", "123.a+b/").getFirst();
        assertThat(signed.hls()).endsWith("/hls/b1/master.m3u8?token=123.a%2Bb%2F");
        assertThat(signed.whep()).endsWith("/whep/b1?token=123.a%2Bb%2F");
    }
}
