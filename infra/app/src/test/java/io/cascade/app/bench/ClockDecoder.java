// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * An ffmpeg CLI decoder fed through its stdin (fMP4 or MPEG-TS bytes as a player receives them)
 * that reads {@link ClockCode} back from every decoded frame. Output is 8-bit luma scaled to
 * {@link #WIDTH}x{@link #HEIGHT} whatever the input size, flushed frame by frame, single-threaded
 * decoding (frame threads would hold frames back); each frame is reported with the wall-clock time
 * it came out of the decoder.
 */
final class ClockDecoder implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    /** Called for each decoded frame: when it came out, and the stamp read from it (if any). */
    interface Listener {
        void frame(long decodedMillis, OptionalLong stamp);
    }

    private final Process process;
    private final Thread reader;

    private ClockDecoder(Process process, Listener listener) {
        this.process = process;
        this.reader = new Thread(() -> read(listener), "clock-decoder");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts a decoder.
     *
     * @param format ffmpeg's demuxer name for the input ({@code mp4}, {@code mpegts})
     */
    static ClockDecoder start(String ffmpegBinary, String format, Path log, Listener listener) throws IOException {
        return start(ffmpegBinary, format, 0, log, listener);
    }

    /** As {@link #start(String, String, Path, Listener)}, stopping after {@code maxFrames} frames when above 0. */
    static ClockDecoder start(String ffmpegBinary, String format, int maxFrames, Path log, Listener listener) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(ffmpegBinary, "-hide_banner", "-loglevel", "error", "-nostats",
                "-probesize", "32", "-analyzeduration", "0", "-threads", "1",
                "-f", format, "-i", "pipe:0", "-map", "0:v:0", "-vf", "scale=" + WIDTH + ":" + HEIGHT));
        if (maxFrames > 0) {
            cmd.addAll(List.of("-frames:v", Integer.toString(maxFrames)));
        }
        cmd.addAll(List.of("-f", "rawvideo", "-pix_fmt", "gray", "-flush_packets", "1", "pipe:1"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ClockDecoder(p, listener);
    }

    /**
     * A decoder that plays {@code url} itself (e.g. an RTMP stream), with FFmpeg's low-delay input
     * flags: the baseline of what the source and the transport alone cost.
     */
    static ClockDecoder startUrl(String ffmpegBinary, String url, Path log, Listener listener) throws IOException {
        List<String> cmd = List.of(ffmpegBinary, "-hide_banner", "-loglevel", "error", "-nostats",
                // FLV needs some probing to find the streams; it costs start-up time, not latency
                "-fflags", "nobuffer", "-flags", "low_delay", "-probesize", "500000", "-analyzeduration", "500000",
                "-threads", "1", "-i", url, "-map", "0:v:0", "-vf", "scale=" + WIDTH + ":" + HEIGHT,
                "-f", "rawvideo", "-pix_fmt", "gray", "-flush_packets", "1", "pipe:1");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ClockDecoder(p, listener);
    }

    /** Where to write the input (the caller closes it at the end of its input). */
    OutputStream input() {
        return process.getOutputStream();
    }

    /** Closes the input and waits for the last frames to come out. */
    void finish(long timeoutMillis) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        reader.join(timeoutMillis);
    }

    private void read(Listener listener) {
        byte[] frame = new byte[WIDTH * HEIGHT];
        try (DataInputStream in = new DataInputStream(process.getInputStream())) {
            while (true) {
                in.readFully(frame);
                long now = System.currentTimeMillis();
                listener.frame(now, ClockCode.decode(ClockCode.sample(frame, WIDTH, HEIGHT, WIDTH), now));
            }
        } catch (EOFException e) {
            // end of the stream
        } catch (IOException e) {
            // the process was stopped
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
