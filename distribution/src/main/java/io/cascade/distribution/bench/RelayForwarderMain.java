// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayCounters;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The relay as a process for {@link RelayForwarder}: one UDP engine thread, a stream per
 * publisher ({@code --publisher ip:port:videoSsrc:audioSsrc}), every {@code --subscriber ip:port}
 * on every stream. Prints {@code ingress ip:port} per publisher, then {@code ready}; stops at end
 * of standard input or after {@code --limit} seconds, printing its counters as one JSON line.
 */
public final class RelayForwarderMain {
    /** rawfwd.c's default -r. */
    private static final int RAW_FORWARDER_BUFFER = 4 << 20;

    private RelayForwarderMain() {}

    public static void main(String[] args) throws Exception {
        List<String[]> publishers = new ArrayList<>();
        List<InetSocketAddress> subscribers = new ArrayList<>();
        long limit = 300;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--publisher" -> publishers.add(args[i + 1].split(":"));
                case "--subscriber" -> subscribers.add(address(args[i + 1]));
                case "--limit" -> limit = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // Load subscribers send no RTCP: keep them for the whole run.
        RelayConfig config = RelayConfig.defaults().withSubscriberTimeout(Duration.ofHours(1));
        RelayNode relay = new RelayNode(config, RelayListener.NONE, InstantSource.system());
        // Socket buffers as the raw forwarder has them (rawfwd.c asks for 4 MiB, -r, which the
        // kernel grants up to net.core.rmem_max), so that both queue the same amount: with the
        // kernel default (212,992) the relay's ingress overflowed on scheduling gaps at half load
        // (RcvbufErrors) where raw's did not.
        UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withBind("127.0.0.1", 0).withThreads(1, 1)
                .withSocketBuffers(RAW_FORWARDER_BUFFER, RAW_FORWARDER_BUFFER), relay.handler());
        relay.attach(engine.sockets());
        for (int p = 0; p < publishers.size(); p++) {
            String[] pub = publishers.get(p);
            StreamName name = StreamName.of("bench/" + p + "/720p");
            InetSocketAddress source = new InetSocketAddress(pub[0], Integer.parseInt(pub[1]));
            List<TrackSpec> tracks = List.of(
                    TrackSpec.video((int) Long.parseLong(pub[2]), Topology.VIDEO_PT).withNack(false),
                    TrackSpec.audio((int) Long.parseLong(pub[3]), Topology.AUDIO_PT).withNack(false));
            var info = relay.publish(name, source, tracks).get(10, TimeUnit.SECONDS);
            for (InetSocketAddress s : subscribers) {
                relay.subscribe(name, s, null).get(10, TimeUnit.SECONDS);
            }
            System.out.println("ingress " + info.mediaAddress().getAddress().getHostAddress() + ":" + info.mediaAddress().getPort());
        }
        // What the media thread allocates from here on: the forwarding path under load, warm-up
        // included, publish and subscribe setup not (docs/BENCHMARKS.md, "Allocation end to end").
        long allocatedAtReady = allocatedOnMediaThread(engine);
        System.out.println("ready");
        System.out.flush();
        var stopper = Executors.newSingleThreadScheduledExecutor();
        stopper.schedule(() -> System.exit(3), limit, TimeUnit.SECONDS);
        while (System.in.read() >= 0 && System.in.available() > 0) {
            // drain: one byte or end of input ends the run
        }
        RelayCounters c = relay.counters().get(5, TimeUnit.SECONDS);
        long allocated = allocatedOnMediaThread(engine) - allocatedAtReady;
        var udp = engine.totals();
        relay.close();
        engine.close();
        // segmentedSends/segments: UDP GSO sends and the datagrams that left in them (SegmentBatcher)
        System.out.printf(Locale.ROOT, "{\"rtpIn\":%d,\"forwarded\":%d,\"duplicates\":%d,\"sendDropped\":%d,\"epoll\":%b,"
                + "\"receiveBatches\":%d,\"sent\":%d,\"segmentedSends\":%d,\"segments\":%d,"
                + "\"allocatedBytes\":%d,\"allocatedPerPacketIn\":%.1f,\"allocatedPerForwarded\":%.1f}%n",
                c.rtpIn(), c.forwarded(), c.duplicates(), udp.sendDropped(), engine.epoll(), udp.batches(),
                udp.sent(), udp.segmentedSends(), udp.segments(), allocated, perPacket(allocated, c.rtpIn()),
                perPacket(allocated, c.forwarded()));
        System.out.flush();
        System.exit(0);
    }

    /** Heap octets the engine's (only) thread has allocated so far, read on that thread. */
    private static long allocatedOnMediaThread(UdpEngine engine) throws Exception {
        return engine.sockets().get(0).executor().submit(
                () -> ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes())
                .get(5, TimeUnit.SECONDS);
    }

    private static double perPacket(long bytes, long packets) {
        return packets == 0 ? 0 : (double) bytes / packets;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
