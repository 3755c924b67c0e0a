// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tier.RelayTierNode;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.directory.Assignment;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.relay.LadderJobs;
import io.cascade.transcode.relay.TranscodeJob;
import io.cascade.transcode.worker.AssignmentKey;
import io.cascade.transcode.worker.Ticker;
import io.cascade.transcode.worker.TranscodeWorker;
import io.cascade.transcode.worker.WorkerAgent;
import io.cascade.transcode.worker.WorkerStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Transcoding on this node, through the directory's assignments (docs/transcode.md): any node may
 * {@link #place} a broadcast's ladder; a node with role {@code transcode} (or {@code all}) runs a
 * {@link WorkerAgent} that starts a {@link TranscodeJob} on its relay for every format it holds,
 * pulling the program from the node where it enters when that is another one ({@link LadderJobs}).
 * On one machine the node is the only worker, so it runs every ladder on its own program.
 */
@ApplicationScoped
public class TranscodeWorkers {
    private static final Logger LOG = Logger.getLogger(TranscodeWorkers.class);
    static final String ROLE = "transcode";
    /** How long a job start waits for its program to be pulled before the next tick tries again. */
    private static final Duration PROGRAM_PULL_WAIT = Duration.ofMillis(200);

    @Inject
    CascadeConfig config;

    @Inject
    PlatformServices platform;

    private volatile WorkerAgent agent;

    /**
     * Starts this node's worker if it has the role; its jobs read the program from {@code node}'s
     * relay, pulled there first when it enters on another node.
     */
    void start(RelayTierNode node, StreamCatalog catalog, String host) {
        var roles = config.node().roles();
        if (!roles.contains(ROLE) && !roles.contains("all")) {
            return;
        }
        var tc = config.transcode();
        TranscodeWorker worker = new TranscodeWorker(config.node().id(), tc.capacity(), Ticker.system());
        agent = new WorkerAgent(worker, platform.assignments(),
                new LadderJobs(node.relay(), node.puller(), catalog, LadderConfig.defaults(), host, PROGRAM_PULL_WAIT),
                platform.events(), tc.stepBack()).start(tc.tick());
        LOG.infof("transcode worker %s: %d formats, lease %s, tick %s", config.node().id(), tc.capacity(),
                tc.lease(), tc.tick());
    }

    /** Places the broadcast's ladder on the least loaded live worker, once however often asked. */
    Assignment place(String broadcast) {
        Assignment a = platform.assignments().place(AssignmentKey.ladder(broadcast).toString());
        if (a.holder() == null) {
            LOG.warnf("broadcast %s: no live transcode worker has a free slot (cascade.transcode.capacity %d per worker);"
                    + " its ladder waits for one", broadcast, config.transcode().capacity());
        }
        WorkerAgent local = agent;
        if (local != null && local.id().equals(a.holder())) {
            local.nudge(); // start now rather than at the next tick
        }
        return a;
    }

    /** The broadcast ended: its ladder is withdrawn, and its holder stops the job at its next tick. */
    void withdraw(String broadcast) {
        platform.assignments().withdraw(AssignmentKey.ladder(broadcast).toString());
        WorkerAgent local = agent;
        if (local != null) {
            local.nudge();
        }
    }

    /** This node's worker, if it is one. */
    public Optional<WorkerStatus> status() {
        WorkerAgent local = agent;
        return local == null ? Optional.empty() : Optional.of(local.status());
    }

    /**
     * Clean shutdown: this node's formats go to other workers at once. Called by
     * {@link BroadcastPipeline} while the relay still runs (the jobs publish on it), and again,
     * harmlessly, when this bean is destroyed.
     */
    @PreDestroy
    void stop() {
        WorkerAgent local = agent;
        agent = null;
        if (local != null) {
            local.close();
        }
    }
}
