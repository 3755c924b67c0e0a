// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.infinispan.commons.api.BasicCache;
import org.jboss.logging.Logger;

/**
 * Units of work (transcode formats) and the workers that hold them, shared through Infinispan.
 *
 * <p><b>Leases.</b> A worker renews its {@link WorkerLease} every few hundred milliseconds; it is
 * live while the lease has not expired by the reader's clock (cluster clocks are assumed
 * NTP-synchronised to well within a lease). One lease covers every unit the worker holds, so a
 * renewal is one write whatever the load. Infinispan's own lifespan (several leases) only
 * garbage-collects.
 *
 * <p><b>Exactly one holder.</b> Every change of an {@link Assignment} is a compare-and-set on its
 * JSON value: {@code putIfAbsent} to place, {@code replace(key, seen, next)} to move. Of two
 * workers that try at once, one wins and the other re-reads. The record is the truth: a worker
 * that finds another holder in it stops its copy of the work.
 *
 * <p><b>Placement: least loaded live worker with room</b> (units held / capacity, then fewest
 * held, then id). A format is a whole transcode ladder, several cores' worth, and a worker runs a
 * handful; spreading by load matters more than the stability rendezvous hashing would buy, and
 * since units never move while their holder lives there is no churn to avoid. Counts come from
 * the records themselves, so every node computes the same choice from the same replicated state.
 */
public final class Assignments {
    /** Cache names, in the order the constructor takes them. */
    public static final List<String> CACHES = List.of("cascade-workers", "cascade-assignments");

    private static final Logger LOG = Logger.getLogger(Assignments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dead leases linger this many lease lengths before Infinispan drops them. */
    private static final int LEASE_GC_FACTOR = 10;

    private final BasicCache<String, String> workers;
    private final BasicCache<String, String> assignments;
    private final InstantSource clock;
    private final Duration lease;

    public Assignments(BasicCache<String, String> workers, BasicCache<String, String> assignments,
                       InstantSource clock, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        this.workers = workers;
        this.assignments = assignments;
        this.clock = clock;
        this.lease = lease;
    }

    public Duration lease() {
        return lease;
    }

    public InstantSource clock() {
        return clock;
    }

    // ---- workers

    /** Announces or renews {@code worker} for one lease. */
    public void renew(String worker, int capacity) {
        WorkerLease l = new WorkerLease(worker, capacity, clock.millis() + lease.toMillis());
        workers.put(worker, write(l), lease.toMillis() * LEASE_GC_FACTOR, TimeUnit.MILLISECONDS);
    }

    /** Ends {@code worker}'s lease now (clean shutdown). */
    public void retire(String worker) {
        workers.remove(worker);
    }

    /** Workers whose lease runs, by id. */
    public List<WorkerLease> liveWorkers() {
        long now = clock.millis();
        List<WorkerLease> out = new ArrayList<>();
        for (String v : List.copyOf(workers.values())) {
            WorkerLease l = read(v, WorkerLease.class);
            if (l != null && l.expiresAtMillis() > now) {
                out.add(l);
            }
        }
        out.sort(Comparator.comparing(WorkerLease::worker));
        return out;
    }

    public boolean isLive(String worker) {
        String v = worker == null ? null : workers.get(worker);
        WorkerLease l = v == null ? null : read(v, WorkerLease.class);
        return l != null && l.expiresAtMillis() > clock.millis();
    }

    // ---- assignments

    public Optional<Assignment> get(String key) {
        String v = assignments.get(key);
        return Optional.ofNullable(v == null ? null : read(v, Assignment.class));
    }

    /** Every assignment, by key. */
    public List<Assignment> all() {
        List<Assignment> out = new ArrayList<>();
        for (String v : List.copyOf(assignments.values())) {
            Assignment a = read(v, Assignment.class);
            if (a != null) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing(Assignment::key));
        return out;
    }

    /**
     * Places {@code key} on the least loaded live worker with room (nobody, if none has), unless
     * it is placed already: then the existing record is returned unchanged, so asking twice (or
     * from two nodes at once) places once.
     */
    public Assignment place(String key) {
        Optional<Assignment> existing = get(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        String target = choose(all(), Set.of()).orElse(null);
        Assignment first = new Assignment(key, target, 1, null, clock.millis());
        String prior = assignments.putIfAbsent(key, write(first));
        return prior == null ? first : Optional.ofNullable(read(prior, Assignment.class)).orElse(first);
    }

    /**
     * Moves {@code seen} to {@code to} (null: nobody) if the record is still exactly {@code seen};
     * empty if someone changed it first.
     */
    public Optional<Assignment> move(Assignment seen, String to) {
        Assignment next = seen.movedTo(to, clock.millis());
        return assignments.replace(seen.key(), write(seen), write(next)) ? Optional.of(next) : Optional.empty();
    }

    /** Removes {@code key}: its holder stops it at its next scan. */
    public void withdraw(String key) {
        assignments.remove(key);
    }

    /**
     * The least loaded live worker with a free slot, given the records in {@code snapshot};
     * {@code exclude} names workers not to pick (the one leaving, one that failed to start it).
     */
    public Optional<String> choose(List<Assignment> snapshot, Set<String> exclude) {
        return choose(liveWorkers(), held(snapshot), exclude);
    }

    /** Units each worker holds in {@code snapshot}. */
    public static Map<String, Integer> held(List<Assignment> snapshot) {
        Map<String, Integer> held = new HashMap<>();
        for (Assignment a : snapshot) {
            if (a.holder() != null) {
                held.merge(a.holder(), 1, Integer::sum);
            }
        }
        return held;
    }

    /** The same choice from a list of live workers and counts already in hand (one scan, many choices). */
    public static Optional<String> choose(List<WorkerLease> live, Map<String, Integer> held, Set<String> exclude) {
        return live.stream()
                .filter(w -> !exclude.contains(w.worker()))
                .filter(w -> held.getOrDefault(w.worker(), 0) < w.capacity())
                .min(Comparator.<WorkerLease>comparingDouble(w -> held.getOrDefault(w.worker(), 0) / (double) w.capacity())
                        .thenComparingInt(w -> held.getOrDefault(w.worker(), 0))
                        .thenComparing(WorkerLease::worker))
                .map(WorkerLease::worker);
    }

    // ---- JSON

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("unreadable %s entry skipped: %s", type.getSimpleName(), e.getMessage());
            return null;
        }
    }
}
