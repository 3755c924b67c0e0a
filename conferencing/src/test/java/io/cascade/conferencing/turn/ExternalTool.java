// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a third-party program (coturn's {@code turnutils_*}, the {@code stun} client) with a hard
 * time limit and returns what it printed. A program that is not installed skips the test with an
 * assumption that says how to install it; CI ({@code .ci/run}) installs them, so there they run.
 */
final class ExternalTool {
    private ExternalTool() {}

    /** Output (stdout and stderr merged) and exit status of a finished run. */
    record Result(int exitCode, String output) {}

    /** Skips the calling test unless {@code program} is on the PATH. */
    static void assumeInstalled(String program, String debianPackage) {
        assumeTrue(onPath(program), program + " is not installed; run: apt-get install -y " + debianPackage
                + " (CI installs it, see .ci/run)");
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command; kills it and fails after {@code limit}. */
    static Result run(Duration limit, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Drain on another thread, so a chatty program never blocks on a full pipe.
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process died; what was read is kept
            }
        });
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            reader.join(5000);
            throw new AssertionError(command.get(0) + " did not finish within " + limit + "; output:\n" + output);
        }
        reader.join(5000);
        return new Result(process.exitValue(), output.toString());
    }
}
