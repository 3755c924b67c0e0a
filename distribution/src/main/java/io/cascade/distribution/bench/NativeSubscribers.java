// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpStats;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The subscribers as the native receiver {@code src/main/c/tsrecv.c}, a child process that
 * opens the subscriber sockets with SO_TIMESTAMPNS and takes each packet's latency as the
 * kernel's receive time (converted from CLOCK_REALTIME to the publishers' CLOCK_MONOTONIC)
 * minus the publisher's stamp. The receiver's own wake-up and read delay is therefore not in
 * the figure; the forwarder's wait, work and send are, and the publisher's send path after its
 * stamp. It runs on the CPUs of this JVM (pinned or not, the affinity is inherited).
 *
 * <p>While traffic flows it reads its sockets every {@code pollMicros} instead of waiting on them
 * ({@code -p}; 0 waits): the stamps are the kernel's, so reading late changes no figure, and the
 * forwarder's sends no longer wake a sleeping reader per batch, a cost a real subscriber's own
 * machine pays, not the forwarder's.
 *
 * <p>Counts come over a pipe: a line on its standard input asks for a report, one JSON line
 * ({@link NativeReport}); end of input ends it.
 */
final class NativeSubscribers implements SubscriberSide {
    static final String PROGRAM = "tsrecv";
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static final Duration REPORT_WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final ProcessLines output;
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private NativeReport last;
    private double cpu;

    private NativeSubscribers(Process process) {
        this.process = process;
        this.output = new ProcessLines(process, "tsrecv-output");
    }

    /** Compiles the receiver; empty without gcc (reason on stderr). */
    static Optional<Path> compile() {
        return NativeProgram.compile(PROGRAM);
    }

    /**
     * Starts the receiver with {@code fanOut} sockets on 127.0.0.1.
     *
     * @param safetyLimit it exits by itself after this long, whatever happens here
     */
    static NativeSubscribers start(Path binary, int fanOut, int pollMicros, Duration safetyLimit) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "-b", "127.0.0.1", "-n", Integer.toString(fanOut),
                "-p", Integer.toString(pollMicros), "-d", Long.toString(safetyLimit.toSeconds()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        NativeSubscribers side = new NativeSubscribers(process);
        for (int i = 0; i <= fanOut; i++) {
            String line = side.output.poll(START_WAIT);
            if (line != null && line.startsWith("listening ") && i < fanOut) {
                String hostPort = line.substring("listening ".length());
                int colon = hostPort.lastIndexOf(':');
                side.addresses.add(new InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))));
            } else if (!"ready".equals(line) || i < fanOut) {
                side.close();
                throw new IOException("tsrecv did not start: " + line);
            }
        }
        return side;
    }

    /** Asks for a report and waits for it. */
    NativeReport report() throws IOException {
        if (!process.isAlive()) {
            if (last != null) {
                return last;
            }
            throw new IOException("tsrecv has exited (" + process.exitValue() + ")");
        }
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
        String line = output.poll(REPORT_WAIT);
        if (line == null) {
            throw new IOException("tsrecv did not report within " + REPORT_WAIT);
        }
        last = NativeReport.parse(line);
        return last;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String latencyNote() {
        return "native receiver (kernel receive timestamps, SO_TIMESTAMPNS: the receiver's own scheduling excluded)";
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public long delivered(int phase) throws IOException {
        return report().delivered()[phase];
    }

    @Override
    public long received() throws IOException {
        return report().received();
    }

    @Override
    public double cpuSeconds() {
        if (process.isAlive()) {
            cpu = Math.max(cpu, ProcessCpu.of(process.pid()).toNanos() / 1e9);
        }
        return cpu;
    }

    @Override
    public boolean inThisProcess() {
        return false;
    }

    @Override
    public Totals totals() throws IOException {
        NativeReport r = report();
        return new Totals(r.delivered(), r.latency(), r.invalid(), new UdpStats(r.received(), 0, 0, r.batches()),
                r.details());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // end of input: it prints a last report and exits
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
