// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import io.cascade.distribution.bench.BenchArgs;
import io.cascade.local.junit.Chromium;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Glass-to-glass latency through the whole pipeline (RTMP ingest, origin, transcode ladder, relay,
 * edge, player) for WHEP, LL-HLS and classic HLS, and in the same run for nginx-rtmp's classic HLS
 * fed with the same encoded stream: {@code bin/cascade bench latency}.
 *
 * <p>A {@link ClockSource} draws the wall clock into each frame as it hands it to x264 and
 * publishes one encoding to both servers; readers decode what a player gets and read the clock
 * back ({@link ClockCode}), latency = read time - stamp on the same machine clock:
 * <ul>
 *   <li>WHEP: the watch page in headless Chromium ({@code ?mode=whep&rendition=R}), each presented
 *       frame ({@link BrowserReader});</li>
 *   <li>LL-HLS: a preload-hint part reader ({@link LlHlsReader}), per part and per frame; and the
 *       watch page's hls.js ({@code ?mode=hls}, its default live sync, ABR on) in Chromium;</li>
 *   <li>classic HLS, ours and nginx-rtmp's ({@code hls_fragment 1s}): whole segments from the live
 *       edge ({@link ClassicHlsReader}).</li>
 * </ul>
 * The application jar is started on free ports with a temporary data directory unless
 * {@code --url} names a running node. Prints a summary, then one JSON line last.
 *
 * <p>Options: {@code --seconds S} measuring window (45), {@code --warmup S} (10), {@code --size WxH}
 * (1280x720), {@code --rendition R} (360p; WHEP and the HLS readers), {@code --poll-ms MS} classic
 * playlist reload interval (250), {@code --url URL}, {@code --jar PATH}, {@code --ffmpeg PATH},
 * {@code --no-nginx}, {@code --no-chromium}, {@code --keep} (keep the temporary directory).
 */
public final class PipelineLatencyBench {
    private PipelineLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 45;
        int warmup = 10;
        int width = 1280;
        int height = 720;
        String rendition = "360p";
        long pollMillis = 250;
        String url = null;
        Path jar = Path.of("infra/app/target/quarkus-app/quarkus-run.jar");
        String ffmpeg = "/usr/bin/ffmpeg";
        boolean nginxOn = true;
        boolean chromiumOn = true;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--size" -> {
                    String[] wh = args[++i].split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                case "--rendition" -> rendition = args[++i];
                case "--poll-ms" -> pollMillis = Long.parseLong(args[++i]);
                case "--url" -> url = args[++i];
                case "--jar" -> jar = Path.of(args[++i]);
                case "--ffmpeg" -> ffmpeg = args[++i];
                case "--no-nginx" -> nginxOn = false;
                case "--no-chromium" -> chromiumOn = false;
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println("bin/cascade bench latency [--seconds 45] [--warmup 10] [--size 1280x720] [--rendition 360p]"
                            + " [--poll-ms 250] [--url http://127.0.0.1:8080] [--jar PATH] [--ffmpeg PATH] [--no-nginx] [--no-chromium] [--keep]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--help)");
            }
        }
        nginxOn &= NginxRtmp.available();
        chromiumOn &= Chromium.available();
        Path tmp = Files.createTempDirectory("cascade-latency-");
        List<AutoCloseable> open = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread cleanup = new Thread(() -> closeAll(open, running), "latency-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            String load0 = BenchArgs.loadAverage();
            long t0 = System.nanoTime();
            AppNode app = url != null ? AppNode.attach(url, "dev")
                    : AppNode.start(jar.toAbsolutePath(), tmp.resolve("data"), tmp.resolve("app.log"), Duration.ofSeconds(120));
            open.add(app);
            System.err.printf(Locale.ROOT, "latency: node %s ready after %.1f s%n", app.base(), (System.nanoTime() - t0) / 1e9);
            AppNode.Broadcast b = app.createBroadcast("latency-bench");
            open.add(() -> app.deleteBroadcast(b.id()));
            NginxRtmp nginx = null;
            List<String> publish = new ArrayList<>(List.of(b.rtmp()));
            if (nginxOn) {
                nginx = NginxRtmp.start(tmp.resolve("nginx"));
                open.add(nginx);
                publish.add(nginx.rtmpUrl("clock"));
            }
            ClockSource source = ClockSource.start(ffmpeg, width, height, publish, tmp.resolve("source.log"));
            open.add(source);
            URI llPlaylist = URI.create(app.base() + "/hls/" + b.id() + "/" + rendition + "/index.m3u8");
            awaitOk(llPlaylist, Duration.ofSeconds(90), source);
            URI nginxPlaylist = nginx == null ? null : URI.create(nginx.playlistUrl("clock"));
            if (nginxPlaylist != null) {
                awaitOk(nginxPlaylist, Duration.ofSeconds(30), source);
            }
            System.err.printf(Locale.ROOT, "latency: playlists up after %.1f s; readers start%n", (System.nanoTime() - t0) / 1e9);

            LatencySamples whep = new LatencySamples("WHEP (Chromium, " + rendition + ")", "frame shown", 300);
            LatencySamples llParts = new LatencySamples("LL-HLS (part reader, " + rendition + ")", "first frame of a part", 1500);
            LatencySamples llFrames = new LatencySamples("LL-HLS (part reader, " + rendition + ", every frame)", "frame decoded", 1500);
            LatencySamples hlsjs = new LatencySamples("LL-HLS (hls.js in Chromium, ABR)", "frame shown", 1500);
            LatencySamples classic = new LatencySamples("HLS classic (ours, " + rendition + ", whole segments)", "segment", 4000);
            LatencySamples nginxHls = new LatencySamples("HLS classic (nginx-rtmp, 1 s fragments, source)", "segment", Double.NaN);
            LatencySamples rtmpBaseline = new LatencySamples("RTMP play from nginx-rtmp (source + RTMP only)", "frame decoded",
                    Double.NaN);
            List<LatencySamples> all = new ArrayList<>(List.of(whep, llParts, llFrames, hlsjs, classic));
            if (nginxPlaylist != null) {
                all.add(nginxHls);
                all.add(rtmpBaseline);
                // what the clock source, its encoder and RTMP cost before any server work: the floor
                open.add(ClockDecoder.startUrl(ffmpeg, nginx.rtmpUrl("clock"), tmp.resolve("rtmp-baseline.log"),
                        (decoded, stamp) -> {
                            if (stamp.isEmpty()) {
                                rtmpBaseline.unreadable(decoded);
                            } else {
                                rtmpBaseline.add(decoded, decoded - stamp.getAsLong());
                            }
                        }));
            }
            List<Thread> readers = new ArrayList<>();
            readers.add(Thread.ofPlatform().daemon().name("ll-hls").start(
                    new LlHlsReader(llPlaylist, ffmpeg, tmp.resolve("ll-decoder.log"), llFrames, llParts, running::get)));
            readers.add(Thread.ofPlatform().daemon().name("hls").start(new ClassicHlsReader(llPlaylist, "mp4", ffmpeg,
                    tmp.resolve("hls-decoder.log"), classic, pollMillis, running::get)));
            if (nginxPlaylist != null) {
                readers.add(Thread.ofPlatform().daemon().name("nginx-hls").start(new ClassicHlsReader(nginxPlaylist, "mpegts",
                        ffmpeg, tmp.resolve("nginx-decoder.log"), nginxHls, pollMillis, running::get)));
            }
            List<BrowserReader> browsers = new ArrayList<>();
            double skew = Double.NaN;
            if (chromiumOn) {
                // one browser per page: a page in a background tab gets no requestVideoFrameCallback
                Chromium forWhep = Chromium.start();
                open.add(forWhep);
                Chromium forHls = Chromium.start();
                open.add(forHls);
                String page = app.base() + "/watch/" + b.id();
                browsers.add(BrowserReader.open(forWhep, page + "?mode=whep&rendition=" + rendition, whep));
                browsers.add(BrowserReader.open(forHls, page + "?mode=hls", hlsjs));
                skew = browsers.getFirst().clockSkewMillis();
            } else {
                all.remove(whep);
                all.remove(hlsjs);
            }
            long start = System.currentTimeMillis() + warmup * 1000L;
            long end = start + seconds * 1000L;
            all.forEach(s -> s.window(start, end));
            long cpu0 = -1;
            long appPid = url == null ? app.pid() : -1;
            while (System.currentTimeMillis() < end + 1500) {
                if (!source.alive()) {
                    throw new IllegalStateException("the source encoder exited; see " + tmp.resolve("source.log"));
                }
                if (cpu0 < 0 && System.currentTimeMillis() >= start) {
                    cpu0 = cpuTicks(appPid);
                }
                for (BrowserReader r : browsers) {
                    r.collect();
                }
                Thread.sleep(500);
            }
            long cpuTicks = cpu0 < 0 ? -1 : cpuTicks(appPid) - cpu0;
            String[] pageStats = browsers.stream().map(r -> r.stats().toString()).toArray(String[]::new);
            running.set(false);
            String load1 = BenchArgs.loadAverage();
            report(all, seconds, rendition, width, height, pollMillis, skew, load0, load1,
                    cpuTicks < 0 ? Double.NaN : cpuTicks / 100.0 / (seconds + 1.5), pageStats);
        } finally {
            closeAll(open, running);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            if (!keep) {
                deleteTree(tmp);
            } else {
                System.err.println("latency: logs kept in " + tmp);
            }
        }
    }

    private static void report(List<LatencySamples> all, int seconds, String rendition, int w, int h, long pollMillis,
            double skew, String load0, String load1, double appCores, String[] pageStats) {
        System.out.printf(Locale.ROOT, "latency: glass (frame handed to x264) -> frame read back by the player, %dx%d source at 30 fps,"
                + " 1 s GOP, loopback, %d s window%n", w, h, seconds);
        System.out.printf(Locale.ROOT, "  load average at start: %s; at end: %s; app process: %.2f cores during the window%n",
                load0, load1, appCores);
        System.out.printf(Locale.ROOT, "  page clock minus Date.now(): %.1f ms; classic players reload every %d ms%n", skew, pollMillis);
        StringBuilder json = new StringBuilder("{\"bench\":\"pipeline-latency\",\"seconds\":").append(seconds)
                .append(",\"source\":\"").append(w).append('x').append(h).append("\",\"rendition\":\"").append(rendition)
                .append("\",\"appCores\":").append(num(appCores)).append(",\"loadavgEnd\":\"").append(load1).append("\",\"paths\":[");
        for (LatencySamples s : all) {
            double p50 = s.percentile(50);
            double p95 = s.percentile(95);
            String verdict = Double.isNaN(s.targetMs) ? "reference" : Double.isNaN(p50) ? "NO SAMPLES"
                    : p95 <= s.targetMs ? "meets target" : p50 <= s.targetMs ? "p50 meets target, p95 misses" : "MISSES target";
            System.out.printf(Locale.ROOT, "  %-52s p50 %6.0f ms  p95 %6.0f ms  n=%d %s (unreadable %d)  target %s: %s%s%n",
                    s.path, p50, p95, s.count(), s.unit, s.unreadable(),
                    Double.isNaN(s.targetMs) ? "-" : String.format(Locale.ROOT, "<= %.0f ms", s.targetMs), verdict,
                    s.note().isEmpty() ? "" : " [" + s.note() + "]");
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"path\":\"").append(s.path)
                    .append("\",\"unit\":\"").append(s.unit).append("\",\"p50Ms\":").append(num(p50)).append(",\"p95Ms\":")
                    .append(num(p95)).append(",\"n\":").append(s.count()).append(",\"unreadable\":").append(s.unreadable())
                    .append(",\"targetMs\":").append(num(s.targetMs)).append('}');
        }
        for (String st : pageStats) {
            System.out.println("  page stats: " + st);
        }
        System.out.println(json.append("]}"));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void awaitOk(URI uri, Duration timeout, ClockSource source) throws IOException, InterruptedException {
        HttpFetch http = new HttpFetch();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!source.alive()) {
                throw new IllegalStateException("the source encoder exited");
            }
            try {
                if (http.get(uri, Duration.ofSeconds(10)).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not there yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(uri + " did not answer 200 within " + timeout);
    }


    /** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux), -1 when unknown. */
    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void closeAll(List<AutoCloseable> open, AtomicBoolean running) {
        running.set(false);
        synchronized (open) {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    System.err.println("latency: cleanup: " + e);
                }
            }
            open.clear();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
