// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One forwarder at one fan-out: opens the subscriber side ({@link SubscriberSide}: UdpEngine
 * threads or the native receiver) and the publisher sockets, starts the forwarder, then runs warm-up, probe and the fraction phases,
 * measuring each phase's forwarder CPU, load-generator CPU and deliveries. The probe's delivered
 * packets per forwarder CPU-second, times the forwarder's cores, is taken as its saturation rate.
 */
final class LoadRun implements AutoCloseable {
    private static final int UNCOUNTED = 0;
    private static final int PROBE = 1;
    /**
     * Time after a rate change before a phase is measured. Queues drain: the probe leaves the
     * forwarder's receive buffer full, and its backlog would show as the next phase's latency.
     * And the change's one-off work is done: the relay reports publishers of the previous phase
     * silent 500 ms after their last packet and the resumed ones at their first, and C2 then
     * deoptimises and recompiles the paths that had never run (seen with -Xlog:jit+compilation);
     * with a 500 ms settle that happened inside the measured window.
     */
    static final Duration SETTLE = Duration.ofMillis(1500);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(3);
    /** Each step of the warm-up's rehearsal: longer than the relay's 500 ms silence report. */
    private static final Duration REHEARSAL_STEP = Duration.ofMillis(800);
    /** The rehearsal's steps, as shares of the probe's publishers: all stop, half resume, all resume. */
    private static final double[] REHEARSAL_SHARES = {0, 0.5, 1};
    /** The rehearsal's length, after the warm-up proper. */
    static final Duration REHEARSAL = REHEARSAL_STEP.multipliedBy(REHEARSAL_SHARES.length);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LoadConfig config;
    private final int fanOut;
    private final ForwarderUnderTest forwarder;
    private final SubscriberSide.Factory subscriberFactory;
    private SubscriberSide subscribers;
    private UdpEngine publishers;
    private PublisherPacer pacer;

    private LoadRun(LoadConfig config, int fanOut, ForwarderUnderTest forwarder, SubscriberSide.Factory subscribers) {
        this.config = config;
        this.fanOut = fanOut;
        this.forwarder = forwarder;
        this.subscriberFactory = subscribers;
    }

    /**
     * Warm-up, probe and the fraction phases of {@code config}, then one more phase per entry of
     * {@code matched} (empty for the first forwarder): the same publishers, so the same offered packets per
     * second, as a phase another forwarder was measured at (a forwarder with a higher saturation
     * carries more packets at its own 50%; these compare the two at equal load).
     */
    static RunResult run(LoadConfig config, int fanOut, ForwarderUnderTest forwarder, SubscriberSide.Factory subscribers,
            List<MatchedPhase> matched) throws Exception {
        try (LoadRun run = new LoadRun(config, fanOut, forwarder, subscribers)) {
            return run.execute(matched);
        }
    }

    /** A phase to repeat at another forwarder's load: its label and publisher count. */
    record MatchedPhase(String name, int publishers) {}

    /** Phases one run can measure besides the uncounted one and the probe. */
    static int phaseRoom() {
        return SubscriberSink.PHASES - 1 - PROBE;
    }

    private RunResult execute(List<MatchedPhase> matched) throws Exception {
        Map<String, Long> kernelBefore = KernelUdpCounters.read();
        Topology topology = openSockets();
        forwarder.start(topology);
        pacer = new PublisherPacer(config, publishers.sockets(), topology.publishers(), forwarder);
        pacer.start();
        int probePublishers = config.publishersFor(config.probeOutPps(), fanOut);
        warmUp(probePublishers);
        List<Window> windows = new ArrayList<>();
        windows.add(measure("probe", PROBE, probePublishers));
        // The overloaded probe leaves up to a receive buffer of backlog (a second or more):
        // pause the publishers until it is forwarded, so it neither counts against the probe's
        // rate nor shows as the next phase's latency.
        pacer.phase(UNCOUNTED, 0);
        drain();
        double saturation = saturation(windows.get(0));
        for (int i = 0; i < config.fractions().size(); i++) {
            double fraction = config.fractions().get(i);
            windows.add(measure(Math.round(fraction * 100) + "%", PROBE + 1 + i,
                    config.publishersFor(fraction * saturation, fanOut)));
        }
        for (MatchedPhase m : matched.subList(0, Math.min(matched.size(), phaseRoom() - config.fractions().size()))) {
            windows.add(measure(m.name(), PROBE + windows.size(), m.publishers()));
        }
        pacer.stop();
        drain();
        String forwarderSummary = forwarder.stop();
        return collect(windows, saturation, forwarderSummary, KernelUdpCounters.delta(kernelBefore,
                KernelUdpCounters.read()));
    }

    /** The subscriber side, then the publishers on one UdpEngine thread. */
    private Topology openSockets() throws Exception {
        subscribers = subscriberFactory.open(fanOut);
        // Room for the fraction phases to go above the probe rate when the probe did not saturate.
        int publisherSockets = config.publishersFor(1.5 * config.probeOutPps(), fanOut);
        publishers = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, publisherSockets)
                .withSendQueueCapacity(256).withSocketBuffers(256 << 10, 1 << 20), (datagram, sender, socket) -> { });
        List<Topology.Publisher> list = new ArrayList<>();
        for (int p = 0; p < publisherSockets; p++) {
            InetSocketAddress source = publishers.sockets().get(p).localAddress();
            list.add(new Topology.Publisher(source, 0x1000_0000 + 2 * p, 0x1000_0000 + 2 * p + 1));
        }
        return new Topology(list, subscribers.addresses());
    }

    /**
     * The warm-up at the probe's rate, then one rehearsal of every change the measured phases
     * bring: all publishers stop (the pause before the fractions), half of them resume (a
     * fraction), the rest resume. A branch C2 has never seen taken is compiled as a trap; taking
     * it later deoptimises the method and recompiles it 1-2 s on, on the shared cores, inside a
     * measured phase ({@code -Xlog:deoptimization}: the relay's silence and resumption checks in
     * {@code RelayShard.tick}, after the pause and again after the first fraction's resumption).
     * A long-running node has taken those branches long before; so does the forwarder here.
     */
    private void warmUp(int probePublishers) throws InterruptedException {
        pacer.phase(UNCOUNTED, probePublishers);
        Thread.sleep(config.warmUp());
        if (config.warmUp().isZero()) {
            return;
        }
        for (double share : REHEARSAL_SHARES) {
            pacer.phase(UNCOUNTED, (int) Math.ceil(share * probePublishers));
            Thread.sleep(REHEARSAL_STEP);
        }
    }

    /** One measured phase of {@code wanted} publishers, as many as there are sockets for. */
    private Window measure(String name, int phase, int wanted) throws InterruptedException {
        int publisherCount = Math.min(publishers.sockets().size(), wanted);
        pacer.phase(UNCOUNTED, publisherCount);
        Thread.sleep(SETTLE);
        Snapshot start = snapshot();
        pacer.phase(phase, publisherCount);
        Thread.sleep(config.phase());
        return new Window(name, phase, publisherCount, start, snapshot());
    }

    /** Per-core rate of the probe, its backlog drained, times the cores. */
    private double saturation(Window probe) throws Exception {
        long delivered = subscribers.delivered(PROBE);
        double cpu = probe.end.forwarderCpu - probe.start.forwarderCpu;
        return cpu <= 0 ? config.probeOutPps() : delivered / cpu * forwarder.cores();
    }

    /** Waits until deliveries stop changing for 200 ms, at most {@link #DRAIN_LIMIT}. */
    private void drain() throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = subscribers.received();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
    }

    private RunResult collect(List<Window> windows, double saturation, String forwarderSummary,
            Map<String, Long> kernel) throws Exception {
        SubscriberSide.Totals received = subscribers.totals();
        long[] delivered = received.delivered();
        LatencyHistogram[] latency = received.latency();
        PublisherPacer.PacerStats sent = pacer.stats();
        List<PhaseResult> phases = new ArrayList<>();
        for (Window w : windows) {
            LatencyHistogram h = latency[w.phase];
            phases.add(new PhaseResult(w.name, w.publishers, (w.end.wallNanos - w.start.wallNanos) / 1e9,
                    sent.sent()[w.phase], delivered[w.phase], fanOut, w.end.forwarderCpu - w.start.forwarderCpu,
                    w.end.loadCpu - w.start.loadCpu, w.end.receiverCpu - w.start.receiverCpu,
                    h.percentile(50), h.percentile(99), h.max(), sent.skipped()[w.phase], sent.maxLateMicros()[w.phase],
                    sent.sendSide()[w.phase].percentile(99), sent.sendSide()[w.phase].max()));
        }
        long publishedTotal = Arrays.stream(sent.sent()).sum();
        long deliveredTotal = Arrays.stream(delivered).sum();
        return new RunResult(forwarder.name(), fanOut, saturation, phases, forwarderSummary, publishedTotal,
                deliveredTotal, received.invalid(), received.sockets(), publishers.totals(), kernel,
                new RunResult.Receiver(subscribers.name(), subscribers.latencyNote(), received.details()));
    }

    private Snapshot snapshot() {
        double receiverCpu = subscribers.cpuSeconds();
        // The load generator's CPU is this JVM's, plus the receiver's when it is a process of its own.
        double loadCpu = OS.getProcessCpuTime() / 1e9 + (subscribers.inThisProcess() ? 0 : receiverCpu);
        return new Snapshot(System.nanoTime(), forwarder.cpuTime().toNanos() / 1e9, loadCpu, receiverCpu);
    }

    @Override
    public void close() {
        forwarder.stop();
        if (publishers != null) {
            publishers.close();
        }
        if (subscribers != null) {
            subscribers.close();
        }
    }

    private record Snapshot(long wallNanos, double forwarderCpu, double loadCpu, double receiverCpu) {}

    private record Window(String name, int phase, int publishers, Snapshot start, Snapshot end) {}
}
