// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The one thread a {@link SignalingNode} runs on: every input (frames, closes, node messages,
 * ticks) is queued here and run in arrival order. Adapters (the WebSocket endpoint, the node link
 * receiver) only enqueue, so they never wait on the node.
 */
public final class SignalingLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SignalingLoop.class);

    private final SignalingNode node;
    private final ScheduledExecutorService thread;

    public SignalingLoop(SignalingNode node, String name, Duration tick) {
        this.node = node;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(() -> run(SignalingNode::tick), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on the node's thread, after what is queued before it. */
    public void run(Consumer<SignalingNode> work) {
        try {
            thread.execute(() -> {
                try {
                    work.accept(node);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "signaling task failed");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("signaling loop closed; task dropped");
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
