// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg 5.1 as a real RTMP publisher: a synthetic 640x360 30 fps test picture with a 440 Hz tone,
 * x264 veryfast zerolatency with a key frame every 30 frames, AAC 128 kb/s, sent in real time
 * ({@code -re}). Its output goes to a file under {@code target/ffmpeg}; {@link #close()} kills it.
 */
final class FfmpegPublisher implements AutoCloseable {
    private static final String FFMPEG = "/usr/bin/ffmpeg";

    private final Process process;
    private final Path log;

    private FfmpegPublisher(List<String> command, String name) {
        try {
            Path dir = Path.of("target", "ffmpeg");
            Files.createDirectories(dir);
            log = dir.resolve(name + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean available() {
        return Files.isExecutable(Path.of(FFMPEG));
    }

    /** Publishes {@code seconds} of the test source to {@code url}; extra options go before the URL. */
    static FfmpegPublisher publish(String url, int seconds, String name, String... extra) {
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-nostats", "-loglevel", "info",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "30",
                "-c:a", "aac", "-b:a", "128k", "-f", "flv"));
        command.addAll(List.of(extra));
        command.add(url);
        return new FfmpegPublisher(command, name);
    }

    /** Runs FFmpeg with {@code args} as given (reading an RTMP URL, for instance). */
    static FfmpegPublisher run(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-nostats"));
        command.addAll(List.of(args));
        return new FfmpegPublisher(command, name);
    }

    /** Waits for the exit within {@code seconds}; returns the exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("ffmpeg still running after " + seconds + " s; log:\n" + output());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops FFmpeg (SIGTERM, then SIGKILL after 5 s) if it still runs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
