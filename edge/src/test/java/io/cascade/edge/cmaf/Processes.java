// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (ffmpeg, ffprobe) with a hard time bound; output goes through files. */
public final class Processes {
    public record Result(int exit, String stdout, String stderr) {
    }

    private Processes() {
    }

    public static Result run(Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("proc", ".out");
            Path err = Files.createTempFile("proc", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + tail(err));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), tail(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** Like {@link #run} but fails on a non-zero exit status. */
    public static String check(Duration timeout, List<String> command) {
        Result r = run(timeout, command);
        if (r.exit() != 0) {
            throw new AssertionError("exit " + r.exit() + ": " + command + "\n" + r.stderr());
        }
        return r.stdout();
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
