// SPDX-License-Identifier: Apache-2.0
package io.cascade.local.junit;

import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real Infinispan nodes clustering over loopback TCP, each with its own JGroups port, in a cluster
 * of its own (a random name) so that parallel test classes never meet.
 */
public final class InfinispanFixture implements BeforeAllCallback, AfterAllCallback {
    private final List<String> caches;
    private final int[] ports;
    private final String cluster = "test-" + UUID.randomUUID();
    private final List<EmbeddedInfinispan> nodes = new ArrayList<>();

    /** @param maxNodes how many nodes the test may start (their ports are reserved as seeds) */
    public InfinispanFixture(int maxNodes, List<String> caches) {
        this.caches = caches;
        this.ports = new int[maxNodes];
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (int i = 0; i < ports.length; i++) {
            ports[i] = Ports.orFree(0);
        }
    }

    /** Starts node {@code index} (0-based) and joins the cluster. */
    public synchronized EmbeddedInfinispan startNode(int index) throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int p : ports) {
            seeds.append(seeds.isEmpty() ? "" : ",").append("127.0.0.1[").append(p).append(']');
        }
        EmbeddedInfinispan n = EmbeddedInfinispan.start("node-" + index, cluster, "127.0.0.1", ports[index],
                seeds.toString(), Optional.empty(), caches);
        nodes.add(n);
        return n;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (EmbeddedInfinispan n : nodes) {
            n.close();
        }
        nodes.clear();
    }
}
