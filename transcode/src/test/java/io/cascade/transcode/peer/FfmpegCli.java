// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg/ffprobe command-line tools installed on the machine (Debian's FFmpeg 5.1): an
 * independent producer of test input and checker of output, built from other sources than
 * JavaCV's FFmpeg 8. Tests using them skip, saying so, where they are missing
 * ({@code apt-get install ffmpeg}).
 */
public final class FfmpegCli {

    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final long TIMEOUT_SECONDS = 120;

    private FfmpegCli() {
    }

    /** Skips the calling test unless both tools are installed. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE),
                "ffmpeg/ffprobe not installed (apt-get install ffmpeg): skipping");
    }

    /** Result of one run: exit status, stdout and stderr. */
    public record Result(int exit, String out, String err) {
    }

    public static Result run(Path tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cli", ".out");
            Path err = Files.createTempFile("cli", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", cmd) + " did not end in " + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    /** Runs ffmpeg and fails the test, with its stderr, unless it exits 0. */
    public static void ffmpeg(String... args) {
        Result r = run(FFMPEG, args);
        if (r.exit() != 0) {
            throw new AssertionError("ffmpeg " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.err());
        }
    }

    /** The testsrc2 + 440 Hz sine clip the brief describes, H.264 (g60, no B-frames) and AAC, in {@code container}. */
    public static Path testClip(Path dir, String name, int width, int height, double seconds, String container) {
        Path file = dir.resolve(name);
        ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Double.toString(seconds),
                "-c:v", "libx264", "-g", "60", "-bf", "0", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-f", container, file.toString());
        return file;
    }
}
