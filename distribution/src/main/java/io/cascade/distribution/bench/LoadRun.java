// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpStats;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One forwarder at one fan-out: opens the subscriber and publisher sockets (each on UdpEngine
 * threads of their own), starts the forwarder, then runs warm-up, probe and the fraction phases,
 * measuring each phase's forwarder CPU, load-generator CPU and deliveries. The probe's delivered
 * packets per forwarder CPU-second, times the forwarder's cores, is taken as its saturation rate.
 */
final class LoadRun implements AutoCloseable {
    private static final int UNCOUNTED = 0;
    private static final int PROBE = 1;
    /**
     * Time for queues to drain after a rate change before a phase is measured: the probe leaves
     * the forwarder's receive buffer full, and its backlog would show as the next phase's latency.
     */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(3);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LoadConfig config;
    private final int fanOut;
    private final ForwarderUnderTest forwarder;
    private final List<UdpEngine> receivers = new ArrayList<>();
    private final List<SubscriberSink> sinks = new ArrayList<>();
    private final List<Long> receiverThreads = new ArrayList<>();
    private UdpEngine publishers;
    private PublisherPacer pacer;

    private LoadRun(LoadConfig config, int fanOut, ForwarderUnderTest forwarder) {
        this.config = config;
        this.fanOut = fanOut;
        this.forwarder = forwarder;
    }

    static RunResult run(LoadConfig config, int fanOut, ForwarderUnderTest forwarder) throws Exception {
        try (LoadRun run = new LoadRun(config, fanOut, forwarder)) {
            return run.execute();
        }
    }

    private RunResult execute() throws Exception {
        Map<String, Long> kernelBefore = KernelUdpCounters.read();
        Topology topology = openSockets();
        forwarder.start(topology);
        pacer = new PublisherPacer(config, publishers.sockets(), topology.publishers(), forwarder);
        pacer.start();
        int probePublishers = config.publishersFor(config.probeOutPps(), fanOut);
        pacer.phase(UNCOUNTED, probePublishers);
        Thread.sleep(config.warmUp());
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
            int count = Math.min(publishers.sockets().size(), config.publishersFor(fraction * saturation, fanOut));
            windows.add(measure(Math.round(fraction * 100) + "%", PROBE + 1 + i, count));
        }
        pacer.stop();
        drain();
        String forwarderSummary = forwarder.stop();
        return collect(windows, saturation, forwarderSummary, KernelUdpCounters.delta(kernelBefore,
                KernelUdpCounters.read()));
    }

    /** Subscribers on {@code receiveThreads} engines of one thread each; publishers on one more. */
    private Topology openSockets() throws Exception {
        int threads = Math.min(config.receiveThreads(), fanOut);
        for (int t = 0; t < threads; t++) {
            int sockets = fanOut / threads + (t < fanOut % threads ? 1 : 0);
            SubscriberSink sink = new SubscriberSink();
            UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, sockets).withReceive(64, 2048)
                    .withSocketBuffers(4 << 20, 256 << 10), sink);
            receivers.add(engine);
            sinks.add(sink);
            receiverThreads.add(engine.sockets().get(0).executor().submit(() -> Thread.currentThread().threadId()).get());
        }
        // Room for the fraction phases to go above the probe rate when the probe did not saturate.
        int publisherSockets = config.publishersFor(1.5 * config.probeOutPps(), fanOut);
        publishers = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, publisherSockets)
                .withSendQueueCapacity(256).withSocketBuffers(256 << 10, 1 << 20), (datagram, sender, socket) -> { });
        List<Topology.Publisher> list = new ArrayList<>();
        for (int p = 0; p < publisherSockets; p++) {
            InetSocketAddress source = publishers.sockets().get(p).localAddress();
            list.add(new Topology.Publisher(source, 0x1000_0000 + 2 * p, 0x1000_0000 + 2 * p + 1));
        }
        List<InetSocketAddress> subscribers = new ArrayList<>();
        receivers.forEach(engine -> engine.sockets().forEach(s -> subscribers.add(s.localAddress())));
        return new Topology(list, subscribers);
    }

    private Window measure(String name, int phase, int publisherCount) throws InterruptedException {
        pacer.phase(UNCOUNTED, publisherCount);
        Thread.sleep(SETTLE);
        Snapshot start = snapshot();
        pacer.phase(phase, publisherCount);
        Thread.sleep(config.phase());
        return new Window(name, phase, publisherCount, start, snapshot());
    }

    /** Per-core rate of the probe, its backlog drained, times the cores. */
    private double saturation(Window probe) throws Exception {
        long delivered = 0;
        for (int i = 0; i < sinks.size(); i++) {
            SubscriberSink sink = sinks.get(i);
            delivered += receivers.get(i).sockets().get(0).executor().submit(() -> sink.delivered(PROBE)).get();
        }
        double cpu = probe.end.forwarderCpu - probe.start.forwarderCpu;
        return cpu <= 0 ? config.probeOutPps() : delivered / cpu * forwarder.cores();
    }

    /** Waits until deliveries stop changing for 200 ms, at most {@link #DRAIN_LIMIT}. */
    private void drain() throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = receivers.stream().map(UdpEngine::totals).mapToLong(UdpStats::received).sum();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
    }

    private RunResult collect(List<Window> windows, double saturation, String forwarderSummary,
            Map<String, Long> kernel) throws Exception {
        long[] delivered = new long[SubscriberSink.PHASES];
        LatencyHistogram[] latency = new LatencyHistogram[SubscriberSink.PHASES];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new LatencyHistogram();
        }
        long[] invalid = new long[1];
        for (int i = 0; i < sinks.size(); i++) {
            SubscriberSink sink = sinks.get(i);
            receivers.get(i).sockets().get(0).executor().submit(() -> sink.addTo(delivered, latency, invalid)).get();
        }
        PublisherPacer.PacerStats sent = pacer.stats();
        List<PhaseResult> phases = new ArrayList<>();
        for (Window w : windows) {
            LatencyHistogram h = latency[w.phase];
            phases.add(new PhaseResult(w.name, w.publishers, (w.end.wallNanos - w.start.wallNanos) / 1e9,
                    sent.sent()[w.phase], delivered[w.phase], fanOut, w.end.forwarderCpu - w.start.forwarderCpu,
                    w.end.loadCpu - w.start.loadCpu, w.end.receiverCpu - w.start.receiverCpu,
                    h.percentile(50), h.percentile(99), h.max(), sent.skipped()[w.phase], sent.maxLateMicros()[w.phase]));
        }
        long publishedTotal = Arrays.stream(sent.sent()).sum();
        long deliveredTotal = Arrays.stream(delivered).sum();
        UdpStats received = receivers.stream().map(UdpEngine::totals).reduce(UdpStats.ZERO, UdpStats::plus);
        return new RunResult(forwarder.name(), fanOut, saturation, phases, forwarderSummary, publishedTotal,
                deliveredTotal, invalid[0], received, publishers.totals(), kernel);
    }

    private Snapshot snapshot() {
        double receiverCpu = 0;
        for (long thread : receiverThreads) {
            receiverCpu += THREADS.getThreadCpuTime(thread) / 1e9;
        }
        return new Snapshot(System.nanoTime(), forwarder.cpuTime().toNanos() / 1e9, OS.getProcessCpuTime() / 1e9,
                receiverCpu);
    }

    @Override
    public void close() {
        forwarder.stop();
        if (publishers != null) {
            publishers.close();
        }
        receivers.forEach(UdpEngine::close);
    }

    private record Snapshot(long wallNanos, double forwarderCpu, double loadCpu, double receiverCpu) {}

    private record Window(String name, int phase, int publishers, Snapshot start, Snapshot end) {}
}
