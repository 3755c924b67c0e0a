// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Assignment;
import io.cascade.platform.directory.Assignments;
import io.cascade.platform.event.Event;
import io.cascade.platform.time.ManualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infinispan.commons.api.BasicCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The assignment logic on a real Infinispan cache, time moved by hand and ticks called directly:
 * no threads, no sleeps. Lease 1 s, tick 250 ms, as configured by default.
 */
class WorkerAgentTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(1, Assignments.CACHES);
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(250);
    private static EmbeddedInfinispan node;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final FakeJobs.Events events = new FakeJobs.Events();
    private final List<WorkerAgent> agents = new ArrayList<>();
    private Assignments assignments;

    @BeforeAll
    static void startNode() throws Exception {
        node = ISPN.startNode(0);
    }

    @BeforeEach
    void clean() {
        Assignments.CACHES.forEach(c -> node.cache(c).clear());
        assignments = new Assignments(node.cache(Assignments.CACHES.get(0)), node.cache(Assignments.CACHES.get(1)),
                clock, LEASE);
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(WorkerAgent::kill);
    }

    private WorkerAgent agent(String id, int capacity, FakeJobs jobs) {
        WorkerAgent a = new WorkerAgent(new TranscodeWorker(id, capacity, System::nanoTime), assignments, jobs, events,
                Duration.ofSeconds(10));
        agents.add(a);
        return a;
    }

    private static String ladder(String broadcast) {
        return AssignmentKey.ladder(broadcast).toString();
    }

    private Optional<String> holder(String broadcast) {
        return assignments.get(ladder(broadcast)).map(Assignment::holder);
    }

    /** Every agent in {@code alive} ticks, then time moves one tick. */
    private void tickRound(WorkerAgent... alive) {
        for (WorkerAgent a : alive) {
            a.tick();
        }
        clock.advance(TICK);
    }

    @Test
    void formatsGoToTheLeastLoadedLiveWorkerWhichStartsThemAtItsNextTick() {
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 4, jobsB);
        tickRound(a, b);

        assertThat(assignments.place(ladder("b1")).holder()).isEqualTo("a"); // both idle: by id
        assertThat(assignments.place(ladder("b2")).holder()).isEqualTo("b"); // a is at 1/2, b at 0/4
        assertThat(assignments.place(ladder("b3")).holder()).isEqualTo("b"); // a 1/2 > b 1/4
        assertThat(assignments.place(ladder("b1")).epoch()).as("placing twice places once").isEqualTo(1);
        tickRound(a, b);

        assertThat(jobsA.running()).containsExactly(ladder("b1"));
        assertThat(jobsB.running()).containsExactlyInAnyOrder(ladder("b2"), ladder("b3"));
        assertThat(events.types()).containsOnly("transcode.assigned").hasSize(3);
        assertThat(a.status().assignments()).containsExactly(AssignmentKey.ladder("b1"));
    }

    @Test
    void aHolderWhoseLeaseRunsOutLosesItsFormatToALiveWorkerWithinLeasePlusOneTick() {
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 2, jobsB);
        a.tick();
        assignments.place(ladder("b1"));
        tickRound(a, b); // t0: a renews and starts b1; b's lease begins

        // a dies (stops ticking) at t0; b ticks every 250 ms. a's lease ends at t0 + 1 s.
        tickRound(b); // t0 + 250
        tickRound(b); // t0 + 500
        b.tick();     // t0 + 750: a's lease still runs
        assertThat(holder("b1")).contains("a");
        assertThat(jobsB.running()).isEmpty();

        clock.advance(TICK);
        b.tick();     // t0 + 1000: the lease has ended; b claims and starts in the same tick
        assertThat(holder("b1")).contains("b");
        assertThat(jobsB.running()).containsExactly(ladder("b1"));
        assertThat(assignments.get(ladder("b1")).orElseThrow().epoch()).isEqualTo(2);
        Event moved = events.events.getLast();
        assertThat(moved.type()).isEqualTo("transcode.moved");
        assertThat(moved.subject()).isEqualTo("b1");
        assertThat(moved.payload().get("from").asText()).isEqualTo("a");
        assertThat(moved.payload().get("worker").asText()).isEqualTo("b");
    }

    @Test
    void aWorkerThatComesBackAndFindsAnotherHolderStopsItsJob() {
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 2, jobsB);
        a.tick();
        assignments.place(ladder("b1"));
        tickRound(a, b);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));

        for (int i = 0; i < 6; i++) {
            tickRound(b); // a is paused (GC, partition) for 1.5 s
        }
        assertThat(holder("b1")).contains("b");
        assertThat(jobsA.running()).as("a has not looked yet").containsExactly(ladder("b1"));

        a.tick(); // a resumes: renews, reads the record, sees b
        assertThat(jobsA.running()).isEmpty();
        assertThat(a.status().assignments()).isEmpty();
        assertThat(holder("b1")).as("a does not take it back").contains("b");
        assertThat(jobsB.running()).containsExactly(ladder("b1"));
    }

    @Test
    void twoClaimsOnTheSameRecordAtOnceLeaveExactlyOneHolder() throws Exception {
        assignments.renew("w0", 1);
        assignments.place(ladder("b1"));
        Assignment seen = assignments.get(ladder("b1")).orElseThrow(); // held by w0, about to expire
        int claimants = 8;
        for (int i = 1; i <= claimants; i++) {
            assignments.renew("w" + i, 1);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<Optional<Assignment>>> results = new ArrayList<>();
            for (int i = 1; i <= claimants; i++) {
                String me = "w" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return assignments.move(seen, me);
                }));
            }
            go.countDown();
            List<Assignment> wins = new ArrayList<>();
            for (Future<Optional<Assignment>> f : results) {
                f.get().ifPresent(wins::add);
            }
            assertThat(wins).hasSize(1);
            assertThat(assignments.get(ladder("b1"))).contains(wins.getFirst());
            assertThat(wins.getFirst().epoch()).isEqualTo(2);
            assertThat(wins.getFirst().previous()).isEqualTo("w0");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullClusterLeavesAFormatUnheldUntilAWorkerWithRoomAppears() {
        FakeJobs jobsA = new FakeJobs();
        WorkerAgent a = agent("a", 1, jobsA);
        a.tick();
        assertThat(assignments.place(ladder("b1")).holder()).isEqualTo("a");
        assertThat(assignments.place(ladder("b2")).holder()).as("a is full").isNull();
        tickRound(a);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));
        assertThat(holder("b2")).isEmpty();

        FakeJobs jobsC = new FakeJobs();
        WorkerAgent c = agent("c", 1, jobsC);
        tickRound(a, c);
        assertThat(holder("b2")).contains("c");
        assertThat(jobsC.running()).containsExactly(ladder("b2"));
        assertThat(jobsA.running()).containsExactly(ladder("b1"));
    }

    @Test
    void aCleanShutdownHandsItsFormatsOverAtOnce() {
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 2, jobsB);
        a.tick();
        assignments.place(ladder("b1"));
        tickRound(a, b);

        a.close(); // no time passes: no lease wait
        assertThat(jobsA.running()).isEmpty();
        assertThat(holder("b1")).contains("b");
        assertThat(assignments.isLive("a")).isFalse();
        b.tick();
        assertThat(jobsB.running()).containsExactly(ladder("b1"));
        assertThat(events.types()).containsExactly("transcode.assigned", "transcode.moved");
    }

    @Test
    void aJobThatCannotStartIsHandedToAnotherWorker() {
        FakeJobs jobsA = new FakeJobs();
        jobsA.failing.add(ladder("b1")); // e.g. the program is not on a's relay
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 2, jobsB);
        tickRound(a, b);
        assertThat(assignments.place(ladder("b1")).holder()).isEqualTo("a");

        tickRound(a, b);
        assertThat(holder("b1")).contains("b");
        tickRound(a, b);
        assertThat(jobsB.running()).containsExactly(ladder("b1"));
        tickRound(a, b);
        assertThat(holder("b1")).as("a does not claim it back while stepped back").contains("b");
    }

    @Test
    void aJobWhoseInputIsStillComingKeepsItsFormatAndStartsAtALaterTick() {
        FakeJobs jobsA = new FakeJobs();
        jobsA.pending.add(ladder("b1")); // the program is being pulled from another node
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        WorkerAgent b = agent("b", 2, jobsB);
        tickRound(a, b);
        assertThat(assignments.place(ladder("b1")).holder()).isEqualTo("a");

        tickRound(a, b);
        tickRound(a, b);
        assertThat(holder("b1")).as("no step-back: a keeps it").contains("a");
        assertThat(jobsA.running()).isEmpty();
        assertThat(jobsB.running()).isEmpty();
        jobsA.pending.clear(); // the pull completed
        tickRound(a, b);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));
        assertThat(events.types()).containsExactly("transcode.assigned");
    }

    @Test
    void aWorkerThatCannotRenewForAWholeLeaseStopsItsJobs() {
        AtomicBoolean partitioned = new AtomicBoolean();
        @SuppressWarnings("unchecked")
        BasicCache<String, String> workers = (BasicCache<String, String>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BasicCache.class}, (proxy, method, args) -> {
                    if (partitioned.get() && method.getName().equals("put")) {
                        throw new IllegalStateException("cluster unreachable"); // what a partition looks like to put
                    }
                    try {
                        return method.invoke(node.cache(Assignments.CACHES.get(0)), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assignments = new Assignments(workers, node.cache(Assignments.CACHES.get(1)), clock, LEASE);
        FakeJobs jobsA = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        a.tick();
        assignments.place(ladder("b1"));
        tickRound(a);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));

        partitioned.set(true);
        tickRound(a); // 250 ms since the last renewal: keep running, the lease still holds
        tickRound(a);
        tickRound(a);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));
        a.tick();     // 1 s: the others may take it now; a stops rather than publish beside them
        assertThat(jobsA.running()).isEmpty();
    }

    @Test
    void aWithdrawnFormatStopsOnItsHolder() {
        FakeJobs jobsA = new FakeJobs();
        WorkerAgent a = agent("a", 2, jobsA);
        a.tick();
        assignments.place(ladder("b1"));
        tickRound(a);
        assertThat(jobsA.running()).containsExactly(ladder("b1"));

        assignments.withdraw(ladder("b1"));
        tickRound(a);
        assertThat(jobsA.running()).isEmpty();
    }
}
