// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Keeps this node's directory entry alive: registers now, refreshes every interval with the
 * current load, and deregisters on close. A heartbeat that fails (cluster partition, remote cache
 * away) is logged and retried at the next tick; the entry simply expires if it never succeeds.
 */
public final class NodeHeartbeat implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class);

    private final Directory directory;
    private volatile NodeInfo node;
    private final DoubleSupplier load;
    private final ScheduledExecutorService timer;

    private NodeHeartbeat(Directory directory, NodeInfo node, DoubleSupplier load) {
        this.directory = directory;
        this.node = node;
        this.load = load;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("directory-heartbeat").daemon().unstarted(r));
    }

    public static NodeHeartbeat start(Directory directory, NodeInfo node, DoubleSupplier load, Duration interval) {
        if (interval.compareTo(directory.ttl()) >= 0) {
            throw new IllegalArgumentException("heartbeat " + interval + " must be shorter than ttl " + directory.ttl());
        }
        NodeHeartbeat hb = new NodeHeartbeat(directory, node, load);
        hb.beat();
        hb.timer.scheduleAtFixedRate(hb::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return hb;
    }

    void beat() {
        try {
            directory.register(node.withLoad(load.getAsDouble()));
        } catch (RuntimeException e) {
            LOG.warnf("directory heartbeat for %s failed: %s", node.id(), e.getMessage());
        }
    }

    /** Changes what this node announces (roles, addresses) and announces it at once. */
    public void update(java.util.function.UnaryOperator<NodeInfo> change) {
        node = change.apply(node);
        beat();
    }

    /** Stops beating without deregistering: the entry expires one TTL later, as after a crash. */
    public void cancel() {
        timer.shutdownNow();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            directory.deregister(node.id());
        } catch (RuntimeException e) {
            LOG.debugf("deregister of %s failed: %s", node.id(), e.getMessage());
        }
    }
}
