// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The relay node as a forwarder under test: {@link RelayForwarderMain} in a child JVM (so that
 * its CPU time, GC and JIT threads included, is its own), one media thread, one stream per
 * publisher, every subscriber on every stream, as the raw forwarder is set up.
 */
public final class RelayForwarder implements ForwarderUnderTest {
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private final Duration safetyLimit;
    private final List<String> launchPrefix;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<InetSocketAddress> ingress = new ArrayList<>();
    private Process process;
    private String summary = "{}";

    RelayForwarder(Duration safetyLimit, List<String> launchPrefix) {
        this.safetyLimit = safetyLimit;
        this.launchPrefix = List.copyOf(launchPrefix);
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public void start(Topology topology) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A 2 ms pause goal keeps G1's young collections at ~10 ms: with its default (200 ms) the
        // young generation grew until a pause took 30-90 ms and made the p99 (docs/BENCHMARKS.md).
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=2", "-Xmx1g",
                "-Dio.netty.leakDetection.level=disabled", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), RelayForwarderMain.class.getName(),
                "--limit", Long.toString(safetyLimit.toSeconds())));
        if (Runtime.version().feature() >= 24) {
            command.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        String extra = System.getenv("CASCADE_BENCH_RELAY_JVM_OPTS"); // e.g. a profiler for the relay alone
        if (extra != null && !extra.isBlank()) {
            command.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        for (Topology.Publisher p : topology.publishers()) {
            command.add("--publisher");
            command.add(hostPort(p.source()) + ":" + Integer.toUnsignedString(p.videoSsrc()) + ":"
                    + Integer.toUnsignedString(p.audioSsrc()));
        }
        for (InetSocketAddress s : topology.subscribers()) {
            command.add("--subscriber");
            command.add(hostPort(s));
        }
        command.addAll(0, launchPrefix);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread reader = new Thread(this::readOutput, "relay-output");
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < topology.publishers().size(); i++) {
            String line = pollProtocol(START_WAIT);
            if (line == null || !line.startsWith("ingress ")) {
                stop();
                throw new IOException("relay did not start: " + line);
            }
            String hp = line.substring("ingress ".length());
            int colon = hp.lastIndexOf(':');
            ingress.add(new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))));
        }
        String ready = pollProtocol(START_WAIT);
        if (!"ready".equals(ready)) {
            stop();
            throw new IOException("relay not ready: " + ready);
        }
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
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

    /** The next line of the relay's protocol, skipping anything else the JVM prints (JFR, warnings). */
    private String pollProtocol(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String line = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (line == null || line.startsWith("ingress ") || line.equals("ready") || line.startsWith("{")) {
                return line;
            }
        }
        return null;
    }

    private String poll(Duration wait) {
        try {
            return output.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public InetSocketAddress ingress(int publisher) {
        return ingress.get(publisher);
    }

    @Override
    public Duration cpuTime() {
        return process == null ? Duration.ZERO : ProcessCpu.of(process.pid());
    }

    @Override
    public String stop() {
        if (process == null) {
            return summary;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n'); // the child stops at end of input
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        String last = null;
        for (String line = output.poll(); line != null; line = output.poll()) {
            last = line;
        }
        summary = last != null && last.startsWith("{") ? last : "{}";
        process = null;
        return summary;
    }
}
