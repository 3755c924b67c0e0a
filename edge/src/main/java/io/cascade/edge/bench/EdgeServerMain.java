// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.edge.hls.HlsBroadcast;
import io.cascade.edge.hls.HlsBroadcasts;
import io.cascade.edge.hls.HlsHttp;
import io.cascade.edge.hls.HlsRendition;
import io.cascade.edge.hls.HlsSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The edge under test, alone in its JVM so that its CPU time is its own: one broadcast
 * ({@value #BROADCAST}) with one rendition ({@value #RENDITION}) packaged by {@link HlsBroadcasts}
 * with the production settings ({@link HlsSettings#DEFAULTS}: 200 ms parts, 2 s segments, parts in
 * memory; {@code --spool spool|DIR} writes them to files sent with sendfile) from a real encode, served by
 * {@link HlsHttp} on {@code --threads} Vert.x event loops.
 *
 * <p>At start the first {@code --prime} seconds of the clip are packaged at once and the broadcast
 * stays open (a live playlist, no EXT-X-ENDLIST) and unchanged, so that nginx can serve a copy of
 * exactly what this edge serves. On the command {@code live} the rest of the clip is pushed in real
 * time, as a live encoder would, for the blocking-reload phase. Protocol on stdout: {@code http
 * PORT}, then {@code ready}; on stdin: {@code live}; end of input ends the process.
 */
public final class EdgeServerMain {
    static final String BROADCAST = "bench";
    static final String RENDITION = "main";

    private EdgeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path clipFile = null;
        int threads = 1;
        double prime = 12;
        String spool = "memory";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clip" -> clipFile = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--prime" -> prime = Double.parseDouble(args[i + 1]);
                case "--spool" -> spool = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (clipFile == null) {
            throw new IllegalArgumentException("--clip is required");
        }
        EncodedClip clip = EncodedClip.read(clipFile);
        HlsSettings settings = switch (spool) {
            case "memory" -> HlsSettings.DEFAULTS.withSpoolRoot(null);
            case "spool" -> HlsSettings.DEFAULTS.withSpoolRoot(HlsSettings.defaultSpoolRoot());
            default -> HlsSettings.DEFAULTS.withSpoolRoot(Path.of(spool));
        };
        HlsBroadcasts broadcasts = new HlsBroadcasts(settings, InstantSource.system());
        HlsBroadcast broadcast = broadcasts.open(BROADCAST);
        HlsRendition rendition = broadcast.rendition(RENDITION, clip.video(), clip.audio());
        List<EncodedClip.Sample> samples = clip.samples();
        int next = 0;
        while (next < samples.size() && samples.get(next).seconds() < prime) {
            push(rendition, samples.get(next++));
        }

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads));
        HlsHttp http = new HlsHttp(vertx, broadcasts);
        // One server per event loop on the same port: Vert.x spreads the connections over them.
        HttpServer first = vertx.createHttpServer().requestHandler(http.router()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = first.actualPort();
        for (int i = 1; i < threads; i++) {
            vertx.createHttpServer().requestHandler(http.router()).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        System.out.println("spool " + broadcasts.spoolDirectory().map(Path::toString).orElse("none (memory)"));
        System.out.println("http " + port);
        System.out.println("ready");
        System.out.flush();

        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("edge-feed").factory());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.strip().equals("live")) {
                feeder.scheduleAtFixedRate(new RealTime(rendition, samples, next, prime), 0, 10, TimeUnit.MILLISECONDS);
            }
        }
        feeder.shutdownNow();
        broadcasts.close(); // held requests end while the event loops still run; the spool is deleted
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void push(HlsRendition r, EncodedClip.Sample s) {
        if (s.video() != null) {
            r.video(s.video());
        } else {
            r.audio(s.audio());
        }
    }

    /** Pushes each sample once the wall clock reaches it, counting from the first run at {@code from} seconds. */
    private static final class RealTime implements Runnable {
        private final HlsRendition rendition;
        private final List<EncodedClip.Sample> samples;
        private final double from;
        private int next;
        private long startNanos = -1;

        RealTime(HlsRendition rendition, List<EncodedClip.Sample> samples, int next, double from) {
            this.rendition = rendition;
            this.samples = samples;
            this.next = next;
            this.from = from;
        }

        @Override
        public void run() {
            if (startNanos < 0) {
                startNanos = System.nanoTime();
            }
            double now = from + (System.nanoTime() - startNanos) / 1e9;
            while (next < samples.size() && samples.get(next).seconds() <= now) {
                push(rendition, samples.get(next++));
            }
            if (next == samples.size()) {
                rendition.close();
                next++;
            }
        }
    }
}
