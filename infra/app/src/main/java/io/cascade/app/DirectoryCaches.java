// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.signaling.RoomHomes;
import io.cascade.conferencing.users.SharedUserService;
import io.cascade.local.EmbeddedInfinispan;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.directory.Assignments;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.ViewerCounts;
import io.cascade.platform.directory.ViewerSessions;
import java.util.ArrayList;
import java.util.List;
import org.infinispan.commons.api.BasicCache;

/**
 * The directory's caches on this process's Infinispan node. Nodes form one Infinispan cluster:
 * on one host over loopback TCP (TCPPING seeds), in production through the JGroups stack named by
 * {@code cascade.infinispan.jgroups-config} (e.g. DNS_PING against a headless Kubernetes service).
 * Caches are replicated, so every lookup is a local read.
 */
public final class DirectoryCaches implements AutoCloseable {
    private final EmbeddedInfinispan node;

    private DirectoryCaches(EmbeddedInfinispan node) {
        this.node = node;
    }

    static DirectoryCaches open(CascadeConfig config) throws Exception {
        var ispn = config.infinispan();
        List<String> caches = new ArrayList<>(Directory.CACHES);
        caches.addAll(ViewerCounts.CACHES);
        caches.addAll(ViewerSessions.CACHES);
        caches.addAll(Assignments.CACHES);
        caches.addAll(RoomHomes.CACHES);
        caches.addAll(SharedUserService.CACHES);
        return new DirectoryCaches(EmbeddedInfinispan.start(config.node().id(), ispn.clusterName(),
                ispn.bindAddress(), ispn.port(), ispn.initialHosts(), ispn.jgroupsConfig(), caches));
    }

    public BasicCache<String, String> nodes() {
        return node.cache(Directory.CACHES.get(0));
    }

    public BasicCache<String, String> sessions() {
        return node.cache(Directory.CACHES.get(1));
    }

    public BasicCache<String, String> streams() {
        return node.cache(Directory.CACHES.get(2));
    }

    /** Each node's viewer counts. */
    public BasicCache<String, String> viewers() {
        return node.cache(ViewerCounts.CACHES.getFirst());
    }

    /** Viewer sessions, one entry each, by the node serving them. */
    public BasicCache<String, String> viewerSessions() {
        return node.cache(ViewerSessions.CACHES.getFirst());
    }

    /** Transcode workers' leases. */
    public BasicCache<String, String> workers() {
        return node.cache(Assignments.CACHES.get(0));
    }

    /** Who holds which transcode format. */
    public BasicCache<String, String> assignments() {
        return node.cache(Assignments.CACHES.get(1));
    }

    /** Which signaling node each group room lives on ({@link RoomHomes}). */
    public BasicCache<String, String> rooms() {
        return node.cache(RoomHomes.CACHE);
    }

    /** Users, their contacts and blocks, shared by every signaling node ({@link SharedUserService}). */
    public BasicCache<String, String> users() {
        return node.cache(SharedUserService.CACHE);
    }

    /** Members of the cluster this node sees. */
    public int members() {
        return node.clusterSize();
    }

    public String clusterName() {
        return node.manager().getClusterName();
    }

    /** True when the caches can be used now. */
    public boolean running() {
        return node.manager().getStatus().allowInvocations();
    }

    @Override
    public void close() {
        node.close();
    }
}
