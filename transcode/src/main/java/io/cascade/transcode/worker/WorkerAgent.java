// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import io.cascade.platform.directory.Assignment;
import io.cascade.platform.directory.Assignments;
import io.cascade.platform.directory.WorkerLease;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventPublisher;
import io.cascade.transcode.Transcoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A {@link TranscodeWorker}'s side of the shared {@link Assignments}: every tick it renews its
 * lease, then reconciles what the records say with what it runs.
 *
 * <ul>
 *   <li>a record naming this worker that it does not run: start the job ({@link FormatJobs});
 *   <li>a record naming another holder (or gone) that it still runs: stop the job at once, so a
 *       format is never published twice for longer than one tick after a move;
 *   <li>a record whose holder's lease ran out, or that nobody holds: move it, compare-and-set, to
 *       the least loaded live worker with room (possibly this one, which then starts it in the
 *       same tick). Any live worker may do the move; only one succeeds.
 * </ul>
 *
 * <p>Fail-over time: the dead holder's last renewal + lease until the next tick of any survivor
 * notices (at most one tick), plus at most one more tick for the chosen worker to see its record
 * when another worker made the move. With the defaults (tick 250 ms, lease 1 s) that is
 * 1.5 s plus the job's start, under the 2 s target.
 *
 * <p>A worker that cannot renew for a whole lease (partitioned from the cluster) stops its jobs
 * itself: the others are about to take them. A job that fails to start makes this worker step back
 * from that format for {@code stepBack}, handing it to another worker or to nobody.
 *
 * <p>Time comes from the {@link Assignments}' clock, and {@link #tick()} can be called directly,
 * so the logic is tested without threads or sleeps.
 */
public final class WorkerAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkerAgent.class);

    private final String id;
    private final TranscodeWorker worker;
    private final Assignments assignments;
    private final FormatJobs jobs;
    private final EventPublisher events;
    private final Duration stepBack;
    private final Map<String, Long> steppedBackUntil = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("transcode-agent").daemon().unstarted(r));
    private long lastRenewedMillis;
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();

    public WorkerAgent(TranscodeWorker worker, Assignments assignments, FormatJobs jobs, EventPublisher events,
                       Duration stepBack) {
        this.worker = worker;
        this.id = worker.status().workerId();
        this.assignments = assignments;
        this.jobs = jobs;
        this.events = events;
        this.stepBack = stepBack;
        this.lastRenewedMillis = assignments.clock().millis();
    }

    /** Ticks every {@code interval} from now on; the interval must leave room for several renewals per lease. */
    public WorkerAgent start(Duration interval) {
        if (interval.multipliedBy(2).compareTo(assignments.lease()) > 0) {
            throw new IllegalArgumentException("tick " + interval + " must be at most half the lease " + assignments.lease());
        }
        timer.scheduleWithFixedDelay(this::tickSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Ticks now rather than at the next interval (a format was just placed on this node). */
    public void nudge() {
        if (!closed) {
            try {
                timer.execute(this::tickSafely);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: nothing to do
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warnf(e, "transcode agent %s: tick failed", id);
        }
    }

    /** Renews the lease, then reconciles the records with the running jobs. */
    public void tick() {
        if (closed) {
            return;
        }
        long now = assignments.clock().millis();
        try {
            assignments.renew(id, worker.status().capacity());
            lastRenewedMillis = now;
        } catch (RuntimeException e) {
            LOG.warnf("transcode agent %s: lease renewal failed: %s", id, e.getMessage());
            if (now - lastRenewedMillis >= assignments.lease().toMillis()) {
                fence();
            }
            return;
        }
        List<Assignment> snapshot = assignments.all();
        List<WorkerLease> live = assignments.liveWorkers();
        Set<String> liveIds = new HashSet<>();
        live.forEach(l -> liveIds.add(l.worker()));
        Map<String, Integer> held = Assignments.held(snapshot);
        Set<AssignmentKey> recorded = new HashSet<>();
        for (Assignment a : snapshot) {
            AssignmentKey key = keyOf(a);
            if (key == null) {
                continue;
            }
            recorded.add(key);
            if (a.heldBy(id)) {
                ensureRunning(key, a, live, held);
                continue;
            }
            stop(key, "now held by " + a.holder());
            if (a.holder() == null || !liveIds.contains(a.holder())) {
                reassign(key, a, live, held);
            }
        }
        for (AssignmentKey running : worker.status().assignments()) {
            if (!recorded.contains(running)) {
                stop(running, "withdrawn");
            }
        }
    }

    private void reassign(AssignmentKey key, Assignment a, List<WorkerLease> live, Map<String, Integer> held) {
        Set<String> exclude = steppedBack(key) ? Set.of(id) : Set.of();
        Optional<String> target = Assignments.choose(live, held, exclude);
        if (target.isEmpty()) {
            return; // nobody has room: it stays where it is until a worker does
        }
        Optional<Assignment> moved = assignments.move(a, target.get());
        if (moved.isEmpty()) {
            return; // another worker moved it first
        }
        held.merge(target.get(), 1, Integer::sum);
        LOG.infof("transcode: %s moved from %s to %s (epoch %d) by %s", a.key(), a.holder(), target.get(),
                moved.get().epoch(), id);
        if (target.get().equals(id)) {
            ensureRunning(key, moved.get(), live, held);
        }
    }

    private void ensureRunning(AssignmentKey key, Assignment a, List<WorkerLease> live, Map<String, Integer> held) {
        if (worker.transcoder(key).isPresent()) {
            return;
        }
        if (!steppedBack(key)) {
            try {
                worker.assign(key, () -> start(key));
                announce(key, a);
                return;
            } catch (Pending e) {
                LOG.debugf("transcode agent %s: %s waits for its input: %s", id, key, e.getMessage());
                return; // keep the format; the next tick tries again
            } catch (RuntimeException e) {
                LOG.warnf("transcode agent %s: %s did not start, stepping back for %s: %s", id, key, stepBack,
                        e.getMessage());
                steppedBackUntil.put(key.toString(), assignments.clock().millis() + stepBack.toMillis());
            }
        }
        String other = Assignments.choose(live, held, Set.of(id)).orElse(null);
        if (assignments.move(a, other).isPresent()) {
            held.merge(id, -1, Integer::sum);
            if (other != null) {
                held.merge(other, 1, Integer::sum);
            }
        }
    }

    /** {@link InputPendingException} through the worker's supplier. */
    private static final class Pending extends RuntimeException {
        Pending(InputPendingException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private Transcoder start(AssignmentKey key) {
        try {
            return jobs.start(key);
        } catch (InputPendingException e) {
            throw new Pending(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private boolean steppedBack(AssignmentKey key) {
        Long until = steppedBackUntil.get(key.toString());
        if (until != null && until <= assignments.clock().millis()) {
            steppedBackUntil.remove(key.toString());
            return false;
        }
        return until != null;
    }

    private void stop(AssignmentKey key, String why) {
        if (worker.release(key)) {
            LOG.infof("transcode agent %s: stopped %s (%s)", id, key, why);
        }
    }

    /** The lease may have run out: stop everything rather than publish beside the new holders. */
    private void fence() {
        for (AssignmentKey key : worker.status().assignments()) {
            stop(key, "lease lost");
        }
    }

    private void announce(AssignmentKey key, Assignment a) {
        boolean moved = a.previous() != null && !a.previous().equals(id);
        var payload = EventCodec.json().createObjectNode()
                .put("format", key.format()).put("key", a.key()).put("worker", id).put("epoch", a.epoch());
        if (moved) {
            payload.put("from", a.previous());
        }
        events.publish(Event.of(assignments.clock(), moved ? "transcode.moved" : "transcode.assigned", id,
                key.broadcast(), payload));
        LOG.infof("transcode agent %s: runs %s (epoch %d%s)", id, key, a.epoch(), moved ? ", from " + a.previous() : "");
    }

    private static AssignmentKey keyOf(Assignment a) {
        try {
            return AssignmentKey.parse(a.key());
        } catch (IllegalArgumentException e) {
            return null; // not a transcode format: someone else's unit of work
        }
    }

    public String id() {
        return id;
    }

    public WorkerStatus status() {
        return worker.status();
    }

    /** Stops ticking without releasing anything, as a crash would: the lease runs out, others take over. */
    public void kill() {
        closed = true;
        timer.shutdownNow();
    }

    /**
     * Clean shutdown: stops the jobs, hands every format this worker holds to the least loaded
     * other live worker at once (no lease wait), then ends the lease. Once; later calls return.
     */
    @Override
    public void close() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            worker.close();
        } catch (RuntimeException e) {
            LOG.warnf("transcode agent %s: stopping jobs on shutdown: %s", id, e.getMessage());
        }
        try {
            List<Assignment> snapshot = assignments.all();
            List<WorkerLease> live = assignments.liveWorkers();
            Map<String, Integer> held = Assignments.held(snapshot);
            for (Assignment a : snapshot) {
                if (a.heldBy(id)) {
                    String other = Assignments.choose(live, held, Set.of(id)).orElse(null);
                    if (assignments.move(a, other).isPresent() && other != null) {
                        held.merge(other, 1, Integer::sum);
                    }
                }
            }
            assignments.retire(id);
        } catch (RuntimeException e) {
            LOG.warnf("transcode agent %s: release on shutdown failed (the lease will expire): %s", id, e.getMessage());
        }
    }
}
