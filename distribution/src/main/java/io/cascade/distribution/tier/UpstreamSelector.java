// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.distribution.relay.StreamName;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeInfo;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks the upstream candidates for a stream: for an edge, the mid-tier nodes by rendezvous hash
 * of the stream's format; for a mid-tier, the origins that announced the stream, least loaded
 * first; for an origin (pulling for its own consumers only), the other nodes that announced it. A node that just failed us is skipped for a while, because the directory only forgets a
 * dead node one TTL later and failover must not wait for that.
 */
final class UpstreamSelector {
    private final Directory directory;
    private final String self;
    private final TierRole role;
    private final InstantSource clock;
    private final long penaltyMs;
    private final Map<String, Long> failedUntil = new ConcurrentHashMap<>();

    UpstreamSelector(Directory directory, String self, TierRole role, InstantSource clock, long penaltyMs) {
        this.directory = directory;
        this.self = self;
        this.role = role;
        this.clock = clock;
        this.penaltyMs = penaltyMs;
    }

    List<NodeInfo> candidates(StreamName stream) {
        TierRole up = role.upstream();
        long now = clock.millis();
        failedUntil.values().removeIf(until -> until <= now);
        List<NodeInfo> pool = up == null
                ? directory.streamNodes(stream.value()).stream().filter(n -> !n.id().equals(self)).toList()
                : up == TierRole.ORIGIN
                ? directory.streamNodes(stream.value()).stream().filter(n -> n.hasRole(up.directoryRole())).toList()
                : RendezvousHash.rank(directory.nodes(up.directoryRole(), null), stream.lastSegment());
        return pool.stream().filter(n -> !failedUntil.containsKey(n.id()) && n.addresses().containsKey("relay")).toList();
    }

    void failed(String nodeId) {
        failedUntil.put(nodeId, clock.millis() + penaltyMs);
    }
}
