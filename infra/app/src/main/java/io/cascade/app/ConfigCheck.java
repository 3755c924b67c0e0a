// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.config.CascadeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks across keys that annotations cannot express. Fails the start with every problem named,
 * so that an operator fixes them in one go.
 */
final class ConfigCheck {
    static final Set<String> ROLES = Set.of("all", "signaling", "turn", "sfu", "origin", "mid", "edge",
            "ingest", "transcode", "recording", "analytics");

    private ConfigCheck() {}

    static void validate(CascadeConfig c) {
        List<String> problems = new ArrayList<>();
        Duration hb = c.directory().heartbeat();
        Duration ttl = c.directory().ttl();
        if (hb.isNegative() || hb.isZero()) {
            problems.add("cascade.directory.heartbeat must be positive, is " + hb);
        }
        if (ttl.compareTo(hb.multipliedBy(2)) < 0) {
            problems.add("cascade.directory.ttl (" + ttl + ") must be at least twice cascade.directory.heartbeat (" + hb + ")");
        }
        Duration tick = c.transcode().tick();
        Duration lease = c.transcode().lease();
        if (tick.isNegative() || tick.isZero()) {
            problems.add("cascade.transcode.tick must be positive, is " + tick);
        }
        if (lease.compareTo(tick.multipliedBy(2)) < 0) {
            problems.add("cascade.transcode.lease (" + lease + ") must be at least twice cascade.transcode.tick (" + tick + ")");
        }
        if (c.events().retryBackoff().isNegative() || c.events().maxBlock().isNegative()) {
            problems.add("cascade.events.retry-backoff and max-block must not be negative");
        }
        for (String r : c.node().roles()) {
            if (!ROLES.contains(r)) {
                problems.add("cascade.node.roles: unknown role '" + r + "' (known: " + ROLES + ")");
            }
        }
        c.chunks().uri().ifPresent(u -> {
            if (u.getScheme() == null) {
                problems.add("cascade.chunks.uri needs a scheme (hdfs:// or file:), got " + u);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
    }
}
