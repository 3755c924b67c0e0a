// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The camera of the latency bench: raw 8-bit luma frames, each carrying {@link ClockCode} of the
 * moment it is handed to the encoder, piped at 30 fps into one ffmpeg CLI process (libx264
 * {@code ultrafast}/{@code zerolatency}, 1 s GOP, AAC silence) whose tee muxer publishes the same
 * encoded stream over RTMP to every URL given, so every pipeline gets identical frames.
 *
 * <p>"Glass" is that hand-over: the stamp is taken just before the frame is written to the
 * encoder's stdin, so the encoder's own delay counts in every figure. Each RTMP output flushes
 * every packet ({@code flush_packets=1}), as a live encoder does: without it ffmpeg's FLV outputs
 * sent in 32 KiB I/O blocks, which held each frame ~190 ms at 2.5 Mbps before any server saw it
 * (the RTMP-from-nginx floor went from 331-443 ms to 216-246 ms). Below the code a square
 * moves across a gray field, so the encoder has motion to code as a camera would give it.
 */
final class ClockSource implements AutoCloseable {
    static final int FPS = 30;

    private final int width;
    private final int height;
    private final Process ffmpeg;
    private final Thread pacer;
    private volatile boolean running = true;
    private volatile long framesSent;

    private ClockSource(int width, int height, Process ffmpeg) {
        this.width = width;
        this.height = height;
        this.ffmpeg = ffmpeg;
        this.pacer = new Thread(this::run, "clock-source");
        this.pacer.setDaemon(true);
    }

    /** Starts the encoder publishing to {@code rtmpUrls} and the frames flowing into it. */
    static ClockSource start(String ffmpegBinary, int width, int height, List<String> rtmpUrls, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpegBinary, "-hide_banner", "-loglevel", "warning", "-nostats",
                "-f", "rawvideo", "-pix_fmt", "gray", "-s", width + "x" + height, "-framerate", Integer.toString(FPS),
                "-i", "pipe:0",
                "-re", "-f", "lavfi", "-i", "anullsrc=channel_layout=stereo:sample_rate=48000",
                "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "baseline",
                "-pix_fmt", "yuv420p", "-g", Integer.toString(FPS), "-keyint_min", Integer.toString(FPS), "-b:v", "2500k",
                "-c:a", "aac", "-b:a", "64k", "-flags", "+global_header"));
        StringBuilder tee = new StringBuilder();
        for (String url : rtmpUrls) {
            if (!tee.isEmpty()) {
                tee.append('|');
            }
            tee.append("[f=flv:onfail=ignore:flush_packets=1]").append(url);
        }
        cmd.addAll(List.of("-f", "tee", tee.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ClockSource s = new ClockSource(width, height, p);
        s.pacer.start();
        return s;
    }

    long framesSent() {
        return framesSent;
    }

    boolean alive() {
        return ffmpeg.isAlive();
    }

    private void run() {
        byte[] frame = new byte[width * height];
        int band = ClockCode.bandHeight(height);
        int side = height / 5;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / FPS;
        long next = System.nanoTime();
        try (OutputStream out = ffmpeg.getOutputStream()) {
            for (long n = 0; running; n++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                next += periodNanos;
                Arrays.fill(frame, band * width, frame.length, (byte) 110);
                int x = (int) ((n * 8) % (width - side));
                int y = band + (height - band - side) / 2;
                for (int row = y; row < y + side; row++) {
                    Arrays.fill(frame, row * width + x, row * width + x + side, (byte) 230);
                }
                long stamp = System.currentTimeMillis();
                ClockCode.draw(frame, width, height, stamp);
                out.write(frame);
                out.flush();
                framesSent = n + 1;
            }
        } catch (IOException e) {
            // the encoder exited; alive() says so
        }
    }

    @Override
    public void close() {
        running = false;
        pacer.interrupt();
        ffmpeg.destroy();
        try {
            if (!ffmpeg.waitFor(5, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ffmpeg.destroyForcibly();
        }
    }
}
