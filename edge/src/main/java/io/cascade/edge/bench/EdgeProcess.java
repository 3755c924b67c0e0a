// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link EdgeServerMain} in a child JVM: its port, its CPU time from {@code /proc}, its end at end of input. */
final class EdgeProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream commands;
    private final int port;

    EdgeProcess(Path clip, int threads, double prime, String spool) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseG1GC", "-Xms512m", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-Dio.netty.leakDetection.level=disabled",
                "-cp", System.getProperty("java.class.path"), EdgeServerMain.class.getName(),
                "--clip", clip.toString(), "--threads", Integer.toString(threads), "--prime", Double.toString(prime), "--spool", spool));
        String extra = System.getenv("CASCADE_BENCH_EDGE_JVM_OPTS"); // e.g. a profiler for the edge alone
        if (extra != null && !extra.isBlank()) {
            command.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = process.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int found = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("http ")) {
                found = Integer.parseInt(line.substring(5).strip());
            } else if (line.equals("ready")) {
                break;
            }
        }
        if (found < 0) {
            close();
            throw new IOException("the edge did not start (see its stderr above)");
        }
        port = found;
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                // the child is gone
            }
        }, "edge-output");
        drain.setDaemon(true);
        drain.start();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU of the edge JVM so far (event loops, GC, JIT: all of it). */
    ServerCpu cpu() {
        return ServerCpu.of(java.util.List.of(process.pid()));
    }

    /** Starts pushing the rest of the clip in real time. */
    void live() throws IOException {
        commands.write("live\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    @Override
    public void close() {
        try {
            commands.close();
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
