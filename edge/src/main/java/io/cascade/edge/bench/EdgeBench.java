// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.distribution.bench.BenchArgs;
import io.cascade.distribution.bench.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/cascade bench edge}: LL-HLS requests and megabits per CPU-second from one edge against
 * nginx serving the same bytes, with the same client, in the same run; then the edge alone under
 * viewers doing blocking playlist reloads on a live feed.
 *
 * <ol>
 * <li>The ffmpeg CLI encodes a clip (H.264 CBR + AAC; cached in the work directory).
 * <li>{@link EdgeServerMain} starts in its own JVM and packages the first seconds of it with the
 *     production settings (200 ms parts, 2 s segments).
 * <li>{@link MirroredBroadcast} copies everything its playlist lists, over HTTP, into a directory
 *     that {@link NginxServer} serves; every body is fetched back through nginx and compared.
 * <li>The same {@link HttpLoad} with the same {@link PlainViewer}s loads the edge, then nginx,
 *     {@code --rounds} times; per window: requests, body bytes, the server's CPU time from
 *     {@code /proc}, latency, errors.
 * <li>With the live feed running, {@link BlockingViewer}s hold on {@code _HLS_msn}/{@code _HLS_part}
 *     at the edge: what a viewer costs the edge when the edge does what nginx cannot.
 * </ol>
 * Prints a summary, then one JSON line last.
 */
public final class EdgeBench {

    private EdgeBench() {
    }

    /** Everything one run measured. */
    record Report(EdgeBenchConfig config, long mirroredBytes, int parts, int averagePartBytes, List<String> differ,
            List<LoadResult> edgeRounds, List<LoadResult> nginxRounds, Optional<LoadResult> blocking,
            long nginxWorkers) {

        LoadResult edge() {
            return edgeRounds.stream().reduce(LoadResult::plus).orElseThrow();
        }

        LoadResult nginx() {
            return nginxRounds.stream().reduce(LoadResult::plus).orElseThrow();
        }

        /** Ours over nginx, requests per server CPU-second (the same mix, so also Mbps per core). */
        double ratio() {
            return edge().requestsPerCpuSecond() / nginx().requestsPerCpuSecond();
        }
    }

    public static void main(String[] args) throws Exception {
        EdgeBenchConfig config;
        try {
            config = EdgeBenchConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(EdgeBenchConfig.USAGE);
            return;
        }
        if (!NginxServer.installed()) {
            System.err.println("nginx is not installed at " + NginxServer.NGINX + ": nothing to compare with");
            System.exit(2);
        }
        Report report = run(config);
        print(report);
        System.exit(report.differ().isEmpty() ? 0 : 1);
    }

    static Report run(EdgeBenchConfig c) throws Exception {
        System.out.printf(Locale.ROOT, "edge bench: %d connections, mix parts:playlists:segments %s, %d x %.0f s"
                + " windows per server after %.0f s warm-up (edge JIT warm-up %.0f s first), %d edge event loop(s) = %d nginx worker(s),"
                + " edge spool %s, nginx sendfile %s, load avg %s%n",
                c.connections(), c.mix(), c.rounds(), c.window().toMillis() / 1000.0, c.warmup().toMillis() / 1000.0,
                c.jitWarmup().toMillis() / 1000.0, c.threads(), c.threads(), c.edgeSpool(), c.nginxSendfile() ? "on" : "off",
                BenchArgs.loadAverage());
        Path clip = EncodedClip.encode(c.work().resolve("clips"), c.height(), c.kbps(), c.clipSeconds());
        Path run = Files.createTempDirectory(Files.createDirectories(c.work()), "run");
        Path root = run.resolve("root");
        try (EdgeProcess edge = new EdgeProcess(clip, c.threads(), c.prime(), c.edgeSpool());
                HttpLoad load = new HttpLoad(c.clientThreads())) {
            MirroredBroadcast media = MirroredBroadcast.copy(edge.port(), root);
            int avgPart = (int) (media.parts().stream().mapToLong(p -> media.bodies().get(p).length).sum()
                    / media.parts().size());
            System.out.printf(Locale.ROOT, "media: %s (%dp, %d kb/s video), %d parts (average %d bytes), %d segments,"
                    + " %d bytes in all, copied from the edge (pid %d) to nginx's root%n", clip.getFileName(),
                    c.height(), c.kbps(), media.parts().size(), avgPart, media.segments().size(), media.totalBytes(),
                    edge.pid());
            List<LoadResult> edgeRounds = new ArrayList<>();
            List<LoadResult> nginxRounds = new ArrayList<>();
            List<String> differ;
            long workers;
            try (NginxServer nginx = new NginxServer(run.resolve("nginx"), root, c.threads(), c.nginxSendfile())) {
                differ = media.verify(nginx.port());
                workers = nginx.workers();
                System.out.println(differ.isEmpty()
                        ? "bytes: every one of " + media.bodies().size() + " bodies from nginx equals the edge's"
                        : "bytes: MISMATCH on " + differ);
                if (!c.jitWarmup().isZero()) {
                    LoadResult w = load.run("edge", edge.port(), viewers(media, c), media.lengths(), Duration.ZERO,
                            c.jitWarmup(), edge::cpu);
                    System.out.println("JIT warm-up (not counted) " + w.summary());
                }
                for (int round = 0; round < c.rounds(); round++) {
                    LoadResult e = load.run("edge", edge.port(), viewers(media, c), media.lengths(), c.warmup(),
                            c.window(), edge::cpu);
                    System.out.println("round " + (round + 1) + " " + e.summary());
                    edgeRounds.add(e);
                    LoadResult n = load.run("nginx", nginx.port(), viewers(media, c), media.lengths(), c.warmup(),
                            c.window(), nginx::cpu);
                    System.out.println("round " + (round + 1) + " " + n.summary());
                    nginxRounds.add(n);
                }
            }
            Optional<LoadResult> blocking = Optional.empty();
            if (c.viewers() > 0) {
                edge.live();
                List<BlockingViewer> viewers = new ArrayList<>();
                for (int i = 0; i < c.viewers(); i++) {
                    viewers.add(new BlockingViewer(media.playlist()));
                }
                LoadResult b = load.run("edge-blocking", edge.port(), viewers, Map.of(), c.warmup(),
                        c.blockingWindow(), edge::cpu);
                blocking = Optional.of(b);
            }
            return new Report(c, media.totalBytes(), media.parts().size(), avgPart, differ, edgeRounds, nginxRounds,
                    blocking, workers);
        } finally {
            deleteTree(run);
        }
    }

    private static List<PlainViewer> viewers(MirroredBroadcast media, EdgeBenchConfig c) {
        List<PlainViewer> viewers = new ArrayList<>();
        for (int i = 0; i < c.connections(); i++) {
            viewers.add(new PlainViewer(media, c.mix(), i * 7));
        }
        return viewers;
    }

    static void print(Report r) {
        LoadResult edge = r.edge();
        LoadResult nginx = r.nginx();
        System.out.println();
        System.out.println("all rounds: " + edge.summary());
        System.out.println("all rounds: " + nginx.summary());
        System.out.printf(Locale.ROOT, "ours / nginx: %.2fx requests per CPU-second, %.2fx Mbps per core"
                + " (target >= 1.0x)%n", r.ratio(), edge.mbpsPerCore() / nginx.mbpsPerCore());
        r.blocking().ifPresent(b -> System.out.printf(Locale.ROOT, "blocking reloads, edge alone, live feed: %d viewers,"
                + " %.0f req/s, edge %.2f cores -> %.0f LL-HLS viewers per core at 200 ms parts; errors %d;"
                + " p50 %.1f ms p99 %.1f ms (held requests included)%n", r.config().viewers(), b.requestsPerSecond(),
                b.serverCores(), r.config().viewers() / b.serverCores(), b.errors(),
                b.latencyMicros().percentile(50) / 1000.0, b.latencyMicros().percentile(99) / 1000.0));
        System.out.println("WHEP viewers per core: see `bin/cascade bench whep` (distribution), not re-run here.");
        System.out.println("load avg at end: " + BenchArgs.loadAverage());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "edge");
        json.put("connections", r.config().connections());
        json.put("mix", r.config().mix().toString());
        json.put("threads", r.config().threads());
        json.put("nginxWorkers", r.nginxWorkers());
        json.put("edgeSpool", r.config().edgeSpool());
        json.put("nginxSendfile", r.config().nginxSendfile());
        json.put("parts", r.parts());
        json.put("averagePartBytes", r.averagePartBytes());
        json.put("bytesMatch", r.differ().isEmpty());
        json.put("edge", edge.json());
        json.put("nginx", nginx.json());
        json.put("ratio", r.ratio());
        r.blocking().ifPresent(b -> {
            Map<String, Object> m = b.json();
            m.put("viewers", r.config().viewers());
            m.put("viewersPerCore", r.config().viewers() / b.serverCores());
            json.put("blocking", m);
        });
        json.put("loadAverage", BenchArgs.loadAverage());
        System.out.println(Json.write(json));
    }


    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
