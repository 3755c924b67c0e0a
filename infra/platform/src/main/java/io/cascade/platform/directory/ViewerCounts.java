// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.infinispan.commons.api.BasicCache;
import org.jboss.logging.Logger;

/**
 * Viewer counts across the cluster: each edge node writes its own per-broadcast counts under its
 * node id every few seconds ({@link #report}); any node sums the live reports for a broadcast, by
 * edge and by region ({@link #of}). A report carries its own expiry, judged with the injected
 * clock like the directory's node entries, so a dead edge's viewers stop counting one TTL after
 * its last report (they will show up on the edge they move to). One entry per node, not per
 * viewer: the write rate is the number of edges over the report interval, whatever the audience.
 */
public final class ViewerCounts {
    /** The cache this needs, besides the directory's. */
    public static final List<String> CACHES = List.of("cascade-viewers");

    private static final Logger LOG = Logger.getLogger(ViewerCounts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one node reported. */
    record Report(String node, String region, Map<String, Long> broadcasts, long expiresAtMillis) {}

    /**
     * One broadcast's viewers.
     *
     * @param total    over every live report
     * @param byEdge   node id -> viewers on that node (nodes with none left out)
     * @param byRegion region -> viewers on that region's nodes
     */
    public record Totals(long total, Map<String, Long> byEdge, Map<String, Long> byRegion) {
        public static final Totals NONE = new Totals(0, Map.of(), Map.of());
    }

    private final BasicCache<String, String> cache;
    private final InstantSource clock;
    private final Duration ttl;

    public ViewerCounts(BasicCache<String, String> cache, InstantSource clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.cache = cache;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Replaces {@code nodeId}'s counts (broadcasts with no viewers may be left out) for one TTL. */
    public void report(String nodeId, String region, Map<String, Long> perBroadcast) {
        Map<String, Long> nonZero = new TreeMap<>();
        perBroadcast.forEach((b, n) -> {
            if (n != null && n > 0) {
                nonZero.put(b, n);
            }
        });
        Report r = new Report(nodeId, region, nonZero, clock.millis() + ttl.toMillis());
        try {
            cache.put(nodeId, JSON.writeValueAsString(r), ttl.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a node's counts at once (clean shutdown). */
    public void withdraw(String nodeId) {
        cache.remove(nodeId);
    }

    /**
     * {@code broadcast}'s viewers over every live report; {@code local}, when not null, replaces
     * what the cache holds for that node (its own counts are fresher than its last report).
     */
    public Totals of(String broadcast, Report local) {
        long now = clock.millis();
        Map<String, Long> byEdge = new TreeMap<>();
        Map<String, Long> byRegion = new TreeMap<>();
        long total = 0;
        for (String json : List.copyOf(cache.values())) {
            Report r = read(json);
            if (r == null || r.expiresAtMillis() <= now || (local != null && r.node().equals(local.node()))) {
                continue;
            }
            total += add(r, broadcast, byEdge, byRegion);
        }
        if (local != null) {
            total += add(local, broadcast, byEdge, byRegion);
        }
        return new Totals(total, Map.copyOf(byEdge), Map.copyOf(byRegion));
    }

    /** {@link #of(String, Report)} with this node's own live counts. */
    public Totals of(String broadcast, String localNode, String localRegion, Map<String, Long> localCounts) {
        return of(broadcast, new Report(localNode, localRegion, localCounts, Long.MAX_VALUE));
    }

    private static long add(Report r, String broadcast, Map<String, Long> byEdge, Map<String, Long> byRegion) {
        Long n = r.broadcasts() == null ? null : r.broadcasts().get(broadcast);
        if (n == null || n <= 0) {
            return 0;
        }
        byEdge.merge(r.node(), n, Long::sum);
        byRegion.merge(r.region(), n, Long::sum);
        return n;
    }

    private static Report read(String json) {
        try {
            return JSON.readValue(json, Report.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable viewer report skipped: %s", e.getOriginalMessage());
            return null;
        }
    }
}
