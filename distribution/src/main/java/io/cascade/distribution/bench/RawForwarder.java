// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's own limit: {@code src/main/c/rawfwd.c}, compiled with gcc ({@link NativeProgram})
 * and run as a child process bound to 127.0.0.1, which does nothing but recvmmsg(2)
 * a batch and sendmmsg(2) each datagram to every subscriber. Its CPU time is read from
 * /proc/PID/stat while it runs; at stop it prints its own JSON summary (getrusage(2)).
 */
public final class RawForwarder implements ForwarderUnderTest {
    /** System property naming rawfwd.c when it is not found from the working directory. */
    public static final String SOURCE_PROPERTY = NativeProgram.sourceProperty("rawfwd");
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    private final Path binary;
    private final Duration safetyLimit;
    private final List<String> launchPrefix;
    private Process process;
    private ProcessLines output;
    private InetSocketAddress ingress;
    private String summary = "{}";

    private RawForwarder(Path binary, Duration safetyLimit, List<String> launchPrefix) {
        this.launchPrefix = List.copyOf(launchPrefix);
        this.binary = binary;
        this.safetyLimit = safetyLimit;
    }

    /**
     * Compiles the forwarder.
     *
     * @param safetyLimit  the forwarder exits by itself after this long, whatever happens here
     * @param launchPrefix what goes before its command line (CPU pinning), or empty
     * @return empty when gcc or the source is missing, or the compile fails (the reason on stderr)
     */
    public static Optional<RawForwarder> compile(Duration safetyLimit, List<String> launchPrefix) {
        return NativeProgram.compile("rawfwd").map(binary -> new RawForwarder(binary, safetyLimit, launchPrefix));
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void start(Topology topology) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-b", "127.0.0.1", "-p", "0",
                "-d", Long.toString(safetyLimit.toSeconds()), "-B", "64"));
        for (InetSocketAddress subscriber : topology.subscribers()) {
            command.add(subscriber.getAddress().getHostAddress() + ":" + subscriber.getPort());
        }
        command.addAll(0, launchPrefix);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        output = new ProcessLines(process, "rawfwd-output");
        String first = output.poll(START_WAIT);
        if (first == null || !first.startsWith("listening ")) {
            stop();
            throw new IOException("rawfwd did not start: " + first);
        }
        String hostPort = first.substring("listening ".length());
        int colon = hostPort.lastIndexOf(':');
        ingress = new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public InetSocketAddress ingress(int publisher) {
        return ingress;
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
        // SIGTERM through the handle: Process.destroy() would also close our end of its stdout
        // before the summary line is read. rawfwd leaves its loop and prints the summary.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (String line = output.poll(Duration.ofSeconds(1)); line != null; line = output.poll(Duration.ofMillis(100))) {
            if (line.startsWith("{")) {
                summary = line;
            }
        }
        process = null;
        return summary;
    }
}
