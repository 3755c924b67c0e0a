// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command and measures it the same way whatever it is: wall time from start to exit, and
 * peak RSS and CPU time (user + system) from {@code /usr/bin/time -v} ("Maximum resident set size",
 * the kernel's ru_maxrss of the child) when installed; without it, peak RSS by polling
 * {@code VmHWM} in {@code /proc/<pid>/status} every 20 ms (a high-water mark, so polling loses only
 * the last 20 ms before exit) and no CPU time.
 */
final class MeasuredProcess {

    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");

    /** The outcome of one run. */
    record Result(int exit, double wallSeconds, double cpuSeconds, long peakRssKib, String rssMethod, String stdout,
            String stderr) {

        double peakRssMib() {
            return peakRssKib / 1024.0;
        }
    }

    private MeasuredProcess() {
    }

    /** User + system seconds from {@code /usr/bin/time -v}'s report, or -1. */
    private static double cpuSeconds(String timeReport) {
        Matcher u = USER.matcher(timeReport);
        Matcher k = SYSTEM.matcher(timeReport);
        return u.find() && k.find() ? Double.parseDouble(u.group(1)) + Double.parseDouble(k.group(1)) : -1;
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        boolean useTime = Files.isExecutable(TIME);
        List<String> cmd = new ArrayList<>();
        if (useTime) {
            cmd.add(TIME.toString());
            cmd.add("-v");
        }
        cmd.addAll(command);
        Path out = Files.createTempFile("bench", ".out");
        Path err = Files.createTempFile("bench", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            long polled = 0;
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
                polled = Math.max(polled, ProcStatus.kib(p.pid(), "VmHWM"));
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " ran past " + timeoutSeconds + " s");
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            Matcher rss = MAX_RSS.matcher(stderr);
            if (!useTime || !rss.find()) {
                return new Result(p.exitValue(), wall, -1, polled, "VmHWM polled every 20 ms", stdout, stderr);
            }
            return new Result(p.exitValue(), wall, cpuSeconds(stderr), Long.parseLong(rss.group(1)),
                    "/usr/bin/time -v max RSS", stdout, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
