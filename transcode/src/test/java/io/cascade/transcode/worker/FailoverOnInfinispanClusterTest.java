// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.junit.Await;
import io.cascade.local.junit.InfinispanFixture;
import io.cascade.platform.directory.Assignment;
import io.cascade.platform.directory.Assignments;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two workers on two members of a real Infinispan cluster (loopback TCP), each agent ticking on
 * its own thread with the system clock and the default timing (tick 250 ms, lease 1 s). The jobs
 * are fakes: what is tested is who runs what, and how soon after a death.
 */
class FailoverOnInfinispanClusterTest {
    @RegisterExtension
    static final InfinispanFixture ISPN = new InfinispanFixture(2, Assignments.CACHES);
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(250);
    /** Detection (lease + one tick) + one tick for the chosen worker to see its record. */
    private static final Duration BOUND = LEASE.plus(TICK.multipliedBy(2));

    private static EmbeddedInfinispan memberA;
    private static Assignments onA;
    private static Assignments onB;
    private final List<WorkerAgent> agents = new ArrayList<>();

    @BeforeAll
    static void cluster() throws Exception {
        EmbeddedInfinispan a = ISPN.startNode(0);
        EmbeddedInfinispan b = ISPN.startNode(1);
        Await.until("two members", Duration.ofSeconds(30), () -> a.clusterSize() == 2 && b.clusterSize() == 2);
        memberA = a;
        onA = assignments(a);
        onB = assignments(b);
    }

    private static Assignments assignments(EmbeddedInfinispan n) {
        return new Assignments(n.cache(Assignments.CACHES.get(0)), n.cache(Assignments.CACHES.get(1)),
                InstantSource.system(), LEASE);
    }

    private WorkerAgent agent(String id, Assignments on, FakeJobs jobs) {
        WorkerAgent w = new WorkerAgent(new TranscodeWorker(id, 16, System::nanoTime), on, jobs,
                new FakeJobs.Events(), Duration.ofSeconds(10)).start(TICK);
        agents.add(w);
        return w;
    }

    @AfterEach
    void stop() {
        agents.forEach(WorkerAgent::close);
        Assignments.CACHES.forEach(c -> memberA.cache(c).clear());
    }

    @Test
    void whenTheHolderDiesTheOtherWorkerRunsItsFormatWithinLeasePlusTwoTicks() {
        String key = AssignmentKey.ladder("b1").toString();
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        WorkerAgent a = agent("worker-a", onA, jobsA);
        Await.until("a's lease seen on b's member", Duration.ofSeconds(5), () -> onB.isLive("worker-a"));
        assertThat(onB.place(key).holder()).isEqualTo("worker-a"); // placed from the other member
        agent("worker-b", onB, jobsB);
        Await.until("a runs it", Duration.ofSeconds(5), () -> jobsA.running().contains(key));
        Await.until("b's lease seen on a's member", Duration.ofSeconds(5), () -> onA.isLive("worker-b"));

        long death = System.nanoTime();
        a.kill(); // no release: its lease simply stops being renewed
        Await.until("b runs " + key, BOUND.plus(Duration.ofMillis(250)), () -> jobsB.running().contains(key),
                () -> "record " + onB.get(key));
        long startedB = jobsB.started.stream().filter(j -> j.key.toString().equals(key)).findFirst().orElseThrow().startedNanos;
        long ms = (startedB - death) / 1_000_000;
        System.out.printf("fail-over: worker-a died, worker-b started %s after %d ms (lease %d ms, tick %d ms)%n",
                key, ms, LEASE.toMillis(), TICK.toMillis());
        Assignment now = onA.get(key).orElseThrow();
        assertThat(now.holder()).isEqualTo("worker-b");
        assertThat(now.previous()).isEqualTo("worker-a");
        assertThat(now.epoch()).isEqualTo(2);
    }

    @Test
    void twoMembersPlacingTheSameFormatAtOnceCreateOneRecord() throws Exception {
        FakeJobs jobsA = new FakeJobs();
        FakeJobs jobsB = new FakeJobs();
        agent("worker-c", onA, jobsA);
        agent("worker-d", onB, jobsB);
        Await.until("both leases on both members", Duration.ofSeconds(5),
                () -> onA.liveWorkers().size() >= 2 && onB.liveWorkers().size() >= 2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String key = AssignmentKey.ladder("race-" + i).toString();
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Assignment> fromA = CompletableFuture.supplyAsync(() -> await(go, () -> onA.place(key)), callers);
                CompletableFuture<Assignment> fromB = CompletableFuture.supplyAsync(() -> await(go, () -> onB.place(key)), callers);
                go.countDown();
                assertThat(fromA.get()).as("both callers see the one record").isEqualTo(fromB.get());
            }
        } finally {
            callers.shutdownNow();
        }
        Await.until("every format runs exactly once", Duration.ofSeconds(5), () -> {
            var a = jobsA.running();
            var b = jobsB.running();
            return a.size() + b.size() == 20 && a.stream().noneMatch(b::contains);
        }, () -> "c runs " + jobsA.running() + ", d runs " + jobsB.running());
        assertThat(jobsA.running()).as("least loaded: an even split").hasSize(10);
    }

    private static <T> T await(CountDownLatch go, java.util.function.Supplier<T> then) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return then.get();
    }
}
