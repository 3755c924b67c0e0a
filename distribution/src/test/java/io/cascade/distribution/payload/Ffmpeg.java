// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the system's ffmpeg and ffprobe (Debian: /usr/bin) for interop tests. */
final class Ffmpeg {
    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final long TIMEOUT_SECONDS = 60;

    /** Exit status and the two output streams of one run. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Ffmpeg() {
    }

    static boolean available() {
        return Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE);
    }

    /** Decodes an Annex B H.264 file, discarding the pictures; errors show in stderr. */
    static Result decode(Path annexB) throws IOException, InterruptedException {
        return run(FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-f", "h264", "-i", annexB.toString(),
                "-f", "null", "-");
    }

    /** How many frames ffprobe decodes from an Annex B H.264 file. */
    static int countFrames(Path annexB) throws IOException, InterruptedException {
        Result result = run(FFPROBE.toString(), "-v", "error", "-f", "h264", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", annexB.toString());
        if (result.exitCode() != 0) {
            throw new IOException("ffprobe failed: " + result.stderr());
        }
        return Integer.parseInt(result.stdout().strip());
    }

    static Result run(String... command) throws IOException, InterruptedException {
        // stderr goes to a file so that neither pipe can fill up and stall the tool.
        Path errors = Files.createTempFile("ffmpeg", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
