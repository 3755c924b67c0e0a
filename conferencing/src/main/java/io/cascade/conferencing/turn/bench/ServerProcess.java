// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test running as a child process (coturn, or ours in its own JVM), so that both
 * are measured the same way: same load generator, and CPU time read from {@code /proc/<pid>/stat}
 * (utime + stime of all its threads, proc(5)).
 */
final class ServerProcess implements AutoCloseable {
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux (sysconf(_SC_CLK_TCK))
    final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** coturn with the PEERS.md command line, on the given ports. */
    static ServerProcess coturn(int port, int minRelay, int maxRelay) throws IOException, InterruptedException {
        Path log = Files.createTempFile("coturn-bench", ".log");
        List<String> command = List.of("turnserver", "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + port, "--min-port=" + minRelay, "--max-port=" + maxRelay, "--lt-cred-mech",
                "--user=test:test", "--realm=example.org", "--fingerprint", "--no-tls", "--no-dtls", "--no-cli",
                "--allow-loopback-peers", "--no-tcp", "--log-file=stdout");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess("coturn", process, log);
        server.awaitLog("Total General servers", Duration.ofSeconds(10));
        return server;
    }

    /** Our server in a new JVM with this JVM's class path and flags (see bin/cascade). */
    static ServerProcess cascade(int port, int minRelay, int maxRelay) throws IOException {
        Path log = Files.createTempFile("cascade-turn-bench", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // Extra flags for the server JVM only, e.g. a flight recording: -Dcascade.bench.server-jvm="-XX:StartFlightRecording=..."
        String extra = System.getProperty("cascade.bench.server-jvm", "").strip();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"));
        if (!extra.contains("GC")) {
            command.add("-XX:+UseG1GC"); // bin/cascade's collector
        }
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
                Integer.toString(port), Integer.toString(minRelay), Integer.toString(maxRelay)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("READY ")) {
                Thread.ofPlatform().daemon().start(() -> copy(out, log));
                return new ServerProcess("cascade", process, log);
            }
        }
        throw new IOException("our server did not start:\n" + seen);
    }

    /** CPU seconds the process has used so far, all threads. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitLog(String marker, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(marker)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IOException(name + " did not start; log:\n" + Files.readString(log));
    }

    private static void copy(BufferedReader from, Path to) {
        try {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                Files.writeString(to, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // our server stops when stdin closes
        } catch (IOException ignored) {
            // already closed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
