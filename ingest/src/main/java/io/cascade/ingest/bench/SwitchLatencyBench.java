// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.bench;

import io.cascade.ingest.broadcast.Broadcast;
import io.cascade.ingest.broadcast.BroadcastRegistry;
import io.cascade.ingest.broadcast.RtmpSources;
import io.cascade.ingest.program.InputManager;
import io.cascade.ingest.program.SwitchReason;
import io.cascade.ingest.rtmp.RtmpServer;
import io.cascade.ingest.rtmp.RtmpServerConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Switch latency: from the operator's cut ({@code InputManager.cut}, what {@code POST .../program}
 * calls) to the first frame of the new source leaving the input manager into the program sink
 * (the origin publisher packetizes it into the relay in that same call). Two real ffmpeg RTMP
 * cameras (testsrc2 and smptebars, x264 zerolatency, {@code --gop} frames at 30 fps, {@code -re})
 * publish into an embedded RTMP server and a broadcast registry, as in the app; the bench cuts back
 * and forth {@code --cuts} times at random phases, a cut every 1.5-2.5 s.
 *
 * <p>What it shows: a cut waits for the target's next keyframe, so the latency is the GOP's
 * remainder (uniform over 0..GOP, mean GOP/2) plus the ingest path (RTMP decode, the manager's
 * lock), which is the part this code owns. Prints each figure, then one JSON line.
 *
 * <p>Options: {@code --cuts N} (20), {@code --gop FRAMES} (30), {@code --ffmpeg PATH} (/usr/bin/ffmpeg).
 */
public final class SwitchLatencyBench {
    private SwitchLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int cuts = 20;
        int gop = 30;
        String ffmpeg = "/usr/bin/ffmpeg";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cuts" -> cuts = Integer.parseInt(args[i + 1]);
                case "--gop" -> gop = Integer.parseInt(args[i + 1]);
                case "--ffmpeg" -> ffmpeg = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SwitchProbe probe = new SwitchProbe();
        InstantSource clock = InstantSource.system();
        BroadcastRegistry registry = new BroadcastRegistry(clock, () -> UUID.randomUUID().toString(),
                id -> new InputManager(clock, probe, probe, Duration.ofSeconds(1)));
        RtmpServer rtmp = new RtmpServer(RtmpServerConfig.defaults().toBuilder().host("127.0.0.1").port(0).build(),
                new RtmpSources(registry));
        InetSocketAddress at = rtmp.start();
        BroadcastRegistry.Created main = registry.create("switch-bench");
        Broadcast b = main.broadcast();
        String cam2Key = registry.addSource(b.id(), "cam2").streamKey();
        int seconds = (int) (cuts * 2.5) + 15;
        List<Process> cameras = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        try {
            String base = "rtmp://127.0.0.1:" + at.getPort() + "/live/";
            cameras.add(camera(ffmpeg, "testsrc2=size=1280x720:rate=30", gop, seconds, base + main.streamKey()));
            cameras.add(camera(ffmpeg, "smptebars=size=1280x720:rate=30", gop, seconds, base + cam2Key));
            awaitLive(b, List.of(BroadcastRegistry.MAIN, "cam2"));
            for (int i = 0; i < cuts; i++) {
                pause(1500 + ThreadLocalRandom.current().nextInt(1000));
                String target = "cam2".equals(b.inputs().state().program()) ? BroadcastRegistry.MAIN : "cam2";
                long sent = probe.arm(target);
                b.inputs().cut(target);
                long out = probe.await(Duration.ofSeconds(10));
                if (out < 0) {
                    throw new IllegalStateException("cut " + i + " to " + target + " did not happen within 10 s");
                }
                latencies.add((out - sent) / 1e6);
            }
        } finally {
            for (Process p : cameras) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            rtmp.close();
        }
        report(latencies, gop);
    }

    private static void report(List<Double> ms, int gop) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        double gopMs = gop * 1000.0 / 30;
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        System.out.printf(Locale.ROOT, "switch latency: operator cut -> first frame of the new source out of the input manager%n");
        System.out.printf(Locale.ROOT, "  cuts %d, GOP %d frames (%.0f ms) at 30 fps, RTMP from ffmpeg -re%n", sorted.size(), gop, gopMs);
        System.out.printf(Locale.ROOT, "  min %.1f ms, median %.1f ms, mean %.1f ms, p90 %.1f ms, max %.1f ms%n",
                sorted.get(0), median, mean, p90, sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "  expected from the keyframe wait alone: uniform 0..%.0f ms, mean %.0f ms%n", gopMs, gopMs / 2);
        System.out.printf(Locale.ROOT, "{\"bench\":\"switch-latency\",\"cuts\":%d,\"gopMs\":%.0f,\"minMs\":%.1f,\"medianMs\":%.1f,"
                + "\"meanMs\":%.1f,\"p90Ms\":%.1f,\"maxMs\":%.1f}%n", sorted.size(), gopMs, sorted.get(0), median, mean, p90,
                sorted.get(sorted.size() - 1));
    }

    private static Process camera(String ffmpeg, String picture, int gop, int seconds, String url) throws Exception {
        return new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", picture,
                "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", Integer.toString(seconds), "-c:v", "libx264",
                "-preset", "ultrafast", "-tune", "zerolatency", "-g", Integer.toString(gop), "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "flv", url)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitLive(Broadcast b, List<String> sources) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sources.stream().allMatch(s -> Boolean.TRUE.equals(b.inputs().state().live().get(s)))
                || b.inputs().state().program() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cameras not live within 30 s: " + b.inputs().state());
            }
            pause(20);
        }
    }

    private static void pause(long ms) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** The program sink and listener of the bench: times the first frame after an armed switch. */
    private static final class SwitchProbe implements io.cascade.ingest.program.ProgramSink, InputManager.Listener {
        private volatile String armedFor;
        private volatile boolean switched;
        private volatile long firstFrameNanos = -1;

        long arm(String target) {
            firstFrameNanos = -1;
            switched = false;
            armedFor = target;
            return System.nanoTime();
        }

        long await(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            while (firstFrameNanos < 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            return firstFrameNanos;
        }

        @Override
        public void switched(String from, String to, SwitchReason reason) {
            if (to.equals(armedFor)) {
                switched = true;
            }
        }

        @Override
        public void videoConfig(byte[] c) {
        }

        @Override
        public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
            if (switched && firstFrameNanos < 0) {
                firstFrameNanos = System.nanoTime();
            }
        }

        @Override
        public void audioConfig(byte[] c) {
        }

        @Override
        public void audio(long dtsMs, byte[] aac) {
        }
    }
}
