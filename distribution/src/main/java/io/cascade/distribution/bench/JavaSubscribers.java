// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.distribution.udp.UdpStats;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subscribers as UDP engines in this JVM: {@code receiveThreads} engines of one thread each,
 * the sockets spread over them, a {@link SubscriberSink} per thread. The latency is taken when
 * the thread reads the packet, so the receive thread's own scheduling delay is in it.
 */
final class JavaSubscribers implements SubscriberSide {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<UdpEngine> receivers = new ArrayList<>();
    private final List<SubscriberSink> sinks = new ArrayList<>();
    private final List<Long> threadIds = new ArrayList<>();

    private JavaSubscribers() {
    }

    static JavaSubscribers open(LoadConfig config, int fanOut) throws Exception {
        JavaSubscribers side = new JavaSubscribers();
        try {
            int threads = Math.min(config.receiveThreads(), fanOut);
            for (int t = 0; t < threads; t++) {
                int sockets = fanOut / threads + (t < fanOut % threads ? 1 : 0);
                SubscriberSink sink = new SubscriberSink();
                UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, sockets)
                        .withReceive(64, 2048).withSocketBuffers(4 << 20, 256 << 10), sink);
                side.receivers.add(engine);
                side.sinks.add(sink);
                side.threadIds.add(engine.sockets().get(0).executor()
                        .submit(() -> Thread.currentThread().threadId()).get());
            }
            return side;
        } catch (Exception e) {
            side.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String latencyNote() {
        return "java receivers (read time: includes the receive thread's scheduling delay)";
    }

    @Override
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        receivers.forEach(engine -> engine.sockets().forEach(s -> out.add(s.localAddress())));
        return out;
    }

    @Override
    public long delivered(int phase) throws Exception {
        long delivered = 0;
        for (int i = 0; i < sinks.size(); i++) {
            SubscriberSink sink = sinks.get(i);
            delivered += receivers.get(i).sockets().get(0).executor().submit(() -> sink.delivered(phase)).get();
        }
        return delivered;
    }

    @Override
    public long received() {
        return receivers.stream().map(UdpEngine::totals).mapToLong(UdpStats::received).sum();
    }

    @Override
    public double cpuSeconds() {
        double cpu = 0;
        for (long thread : threadIds) {
            cpu += THREADS.getThreadCpuTime(thread) / 1e9;
        }
        return cpu;
    }

    @Override
    public boolean inThisProcess() {
        return true;
    }

    @Override
    public Totals totals() throws Exception {
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
        UdpStats sockets = receivers.stream().map(UdpEngine::totals).reduce(UdpStats.ZERO, UdpStats::plus);
        return new Totals(delivered, latency, invalid[0], sockets, Map.of());
    }

    @Override
    public void close() {
        receivers.forEach(UdpEngine::close);
    }
}
