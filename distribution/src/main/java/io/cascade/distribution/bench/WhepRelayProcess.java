// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link WhepRelayMain} in a child JVM, as {@link RelayForwarder} runs the relay: its CPU time
 * from {@code /proc/PID/stat}, its counters on request, its end at end of input.
 */
final class WhepRelayProcess implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final OutputStream commands;
    private final URI whep;
    private final InetSocketAddress ingress;

    WhepRelayProcess(int threads, Duration limit) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseG1GC", "-Xmx1g",
                "-Dio.netty.leakDetection.level=disabled", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), WhepRelayMain.class.getName(),
                "--threads", Integer.toString(threads), "--limit", Long.toString(limit.toSeconds())));
        if (Runtime.version().feature() >= 24) {
            command.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        String extra = System.getenv("CASCADE_BENCH_RELAY_JVM_OPTS"); // e.g. a profiler for the relay alone
        if (extra != null && !extra.isBlank()) {
            command.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = process.getOutputStream();
        Thread reader = new Thread(this::readOutput, "whep-relay-output");
        reader.setDaemon(true);
        reader.start();
        String whepLine = next("whep ");
        String ingressLine = next("ingress ");
        if (whepLine == null || ingressLine == null || next("ready") == null) {
            close();
            throw new IOException("the relay did not start (see its stderr above)");
        }
        whep = URI.create(whepLine.substring("whep ".length()));
        String hp = ingressLine.substring("ingress ".length());
        int colon = hp.lastIndexOf(':');
        ingress = new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)));
    }

    URI whep() {
        return whep;
    }

    InetSocketAddress ingress() {
        return ingress;
    }

    /** User + system CPU of the relay process so far. */
    Duration cpu() {
        return ProcessCpu.of(process.pid());
    }

    /** The relay's counters as one JSON object, or {@code {}} if it did not answer. */
    String stats() {
        try {
            commands.write("stats\n".getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            return "{}";
        }
        String line = next("{");
        return line == null ? "{}" : line;
    }

    /** Reads one long counter out of a {@link #stats} line; -1 when absent. */
    static long counter(String stats, String name) {
        String key = "\"" + name + "\":";
        int at = stats.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int end = at + key.length();
        while (end < stats.length() && Character.isDigit(stats.charAt(end))) {
            end++;
        }
        return end == at + key.length() ? -1 : Long.parseLong(stats.substring(at + key.length(), end));
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** The next line of the child's protocol that starts with {@code prefix}, skipping anything else it prints. */
    private String next(String prefix) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void close() {
        try {
            commands.close(); // the child stops at end of input
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
