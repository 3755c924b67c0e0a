// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one {@link EdgeBench} run; {@link #parse} documents the options.
 *
 * @param connections keep-alive connections to each server in the comparison (each one a viewer)
 * @param window measured time per server per round
 * @param warmup load before each measured window, not counted
 * @param jitWarmup load on the edge alone before the first round, so that its JIT has compiled the
 *     serving path (nginx is compiled ahead of time); not counted
 * @param rounds edge then nginx, this many times (alternating spreads host noise over both)
 * @param threads the edge's Vert.x event loops and nginx's worker processes
 * @param clientThreads the load generator's event loops
 * @param mix requests per viewer cycle in the comparison
 * @param height clip height (16:9), {@code kbps} its constant video bit rate
 * @param clipSeconds clip length: {@code prime} seconds packaged up front, the rest fed live
 * @param viewers LL-HLS viewers with blocking reloads in the edge-only phase (0 skips it)
 * @param blockingWindow measured time of that phase
 * @param work where clips and nginx's files go
 * @param edgeSpool {@code memory} (HlsSettings' default: parts in direct memory, written to the
 *     socket), {@code spool} (files under /dev/shm, sent with sendfile) or a spool directory
 * @param nginxSendfile nginx's {@code sendfile} directive (off: nginx read()s into a buffer and write()s it)
 */
record EdgeBenchConfig(int connections, Duration window, Duration warmup, Duration jitWarmup, int rounds, int threads, int clientThreads,
        PlainViewer.Mix mix, int height, int kbps, double clipSeconds, double prime, int viewers,
        Duration blockingWindow, Path work, String edgeSpool, boolean nginxSendfile) {

    static final String USAGE = """
            bin/cascade bench edge [options]   LL-HLS from one edge vs nginx serving the same parts
              --connections N     keep-alive connections (viewers) per server in the comparison (64)
              --seconds S         measured seconds per server per round (8)
              --warmup S          unmeasured load before each window (3)
              --jit-warmup S      unmeasured load on the edge alone before the first round (10)
              --rounds N          edge, nginx, edge, nginx ... (2)
              --threads N         edge event loops = nginx worker processes (1)
              --client-threads N  load generator event loops (1)
              --mix P:L:S         parts : playlist reloads : segments per viewer cycle (1:1:0)
              --height H          clip height, 16:9, 30 fps, 1 s GOP (720)
              --kbps K            clip video bit rate, CBR (3000)
              --clip-seconds S    clip length (30); --prime S of it packaged before the comparison (12)
              --viewers N         blocking-reload viewers on the edge alone, live feed (200; 0 skips)
              --blocking-seconds S  measured seconds of that phase (8)
              --work DIR          clip cache and nginx files (java.io.tmpdir/cascade-bench-edge)
              --edge-spool S      memory (parts in direct memory, written to the socket; the default),
                                  spool (files under /dev/shm, sent with sendfile) or a directory
              --nginx-sendfile B  on | off (on)
            """;

    static EdgeBenchConfig defaults() {
        return new EdgeBenchConfig(64, Duration.ofSeconds(8), Duration.ofSeconds(3), Duration.ofSeconds(10), 2, 1, 1,
                new PlainViewer.Mix(1, 1, 0), 720, 3000, 30, 12, 200, Duration.ofSeconds(8),
                Path.of(System.getProperty("java.io.tmpdir"), "cascade-bench-edge"), "memory", true);
    }

    /** @return null when help was asked for */
    static EdgeBenchConfig parse(String[] args) {
        EdgeBenchConfig d = defaults();
        int connections = d.connections;
        Duration window = d.window;
        Duration warmup = d.warmup;
        Duration jitWarmup = d.jitWarmup;
        int rounds = d.rounds;
        int threads = d.threads;
        int clientThreads = d.clientThreads;
        PlainViewer.Mix mix = d.mix;
        int height = d.height;
        int kbps = d.kbps;
        double clipSeconds = d.clipSeconds;
        double prime = d.prime;
        int viewers = d.viewers;
        Duration blockingWindow = d.blockingWindow;
        Path work = d.work;
        String edgeSpool = d.edgeSpool;
        boolean nginxSendfile = d.nginxSendfile;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--connections" -> connections = Integer.parseInt(v);
                case "--seconds" -> window = seconds(v);
                case "--warmup" -> warmup = seconds(v);
                case "--jit-warmup" -> jitWarmup = seconds(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--client-threads" -> clientThreads = Integer.parseInt(v);
                case "--mix" -> mix = PlainViewer.Mix.parse(v);
                case "--height" -> height = Integer.parseInt(v);
                case "--kbps" -> kbps = Integer.parseInt(v);
                case "--clip-seconds" -> clipSeconds = Double.parseDouble(v);
                case "--prime" -> prime = Double.parseDouble(v);
                case "--viewers" -> viewers = Integer.parseInt(v);
                case "--blocking-seconds" -> blockingWindow = seconds(v);
                case "--work" -> work = Path.of(v);
                case "--edge-spool" -> edgeSpool = v;
                case "--nginx-sendfile" -> nginxSendfile = switch (v) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--nginx-sendfile: on or off, got " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        EdgeBenchConfig c = new EdgeBenchConfig(connections, window, warmup, jitWarmup, rounds, threads, clientThreads, mix,
                height, kbps, clipSeconds, prime, viewers, blockingWindow, work, edgeSpool, nginxSendfile);
        c.validate();
        return c;
    }

    void validate() {
        if (connections < 1 || rounds < 1 || threads < 1 || clientThreads < 1 || viewers < 0) {
            throw new IllegalArgumentException("connections, rounds, threads, client threads >= 1; viewers >= 0");
        }
        if (height < 144 || height > 2160 || kbps < 100) {
            throw new IllegalArgumentException("height 144-2160, kbps >= 100");
        }
        if (prime < 4) {
            throw new IllegalArgumentException("--prime: at least 4 s (two complete segments)");
        }
        double live = viewers > 0 ? warmup.toMillis() / 1000.0 + blockingWindow.toMillis() / 1000.0 + 2 : 0;
        if (clipSeconds < prime + live) {
            throw new IllegalArgumentException("--clip-seconds " + clipSeconds + " is shorter than --prime plus the"
                    + " blocking phase (" + (prime + live) + " s)");
        }
    }

    private static Duration seconds(String v) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }
}
