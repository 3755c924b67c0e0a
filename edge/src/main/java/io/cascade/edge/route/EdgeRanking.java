// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks edges for a viewer: those in the viewer's region first (the shortest path, and a regional
 * failure stays regional), then by load, lowest first; ties by node id so every caller sees the
 * same order. A null or empty region ranks by load alone. Nodes at full load (1.0 or more) are
 * kept, last in their group: an overloaded edge is still better than none.
 */
public final class EdgeRanking {
    private EdgeRanking() {}

    public static List<EdgeCandidate> rank(List<EdgeCandidate> candidates, String region) {
        Comparator<EdgeCandidate> order = Comparator
                .comparing((EdgeCandidate c) -> !matches(c, region))
                .thenComparingDouble(EdgeCandidate::load)
                .thenComparing(EdgeCandidate::id);
        return candidates.stream().sorted(order).toList();
    }

    /**
     * The ranked routes of {@code broadcastId}; {@code token}, when not null, is appended to both
     * URLs as {@code ?token=}.
     */
    public static List<EdgeRoute> routes(List<EdgeCandidate> candidates, String region, String broadcastId, String token) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return rank(candidates, region).stream().map(c -> new EdgeRoute(c.id(), c.region(), c.load(), matches(c, region),
                c.http() + "/hls/" + broadcastId + "/master.m3u8" + query, c.http() + "/whep/" + broadcastId + query)).toList();
    }

    private static boolean matches(EdgeCandidate c, String region) {
        return region != null && !region.isEmpty() && region.equals(c.region());
    }
}
