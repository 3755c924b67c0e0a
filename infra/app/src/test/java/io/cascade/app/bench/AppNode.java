// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Cascade node under test: either the application jar started as a child process on free
 * ports with a data directory of its own (so it never meets a running {@code bin/cascade up}), or a
 * node already running at a given URL. Creates the broadcast the bench publishes to. Also the
 * nodes of {@code RoomsAcrossProcessesIT}: several started with settings that make them one
 * cluster on one host, as {@code bin/cascade up --node N} does.
 */
public final class AppNode implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Process process;
    private final String token;

    private AppNode(String base, Process process, String token) {
        this.base = base;
        this.process = process;
        this.token = token;
    }

    /** A node already running at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    static AppNode attach(String base, String token) {
        return new AppNode(base.replaceAll("/+$", ""), null, token);
    }

    /** Starts the application jar on free ports, data under {@code dataDir}, and waits until it is ready. */
    static AppNode start(Path jar, Path dataDir, Path log, Duration timeout) throws IOException, InterruptedException {
        return start(jar, dataDir, log, timeout, Map.of());
    }

    /**
     * Starts the application jar as {@link #start(Path, Path, Path, Duration)} does, with
     * {@code settings} ({@code cascade.*} or {@code quarkus.*} keys, passed as {@code -D}) replacing
     * or adding to the standalone defaults: a second node of a cluster names its own node id and
     * Infinispan port, the cluster's seeds and the first node's Kafka and S3. The HTTP port is
     * always an explicit free port unless {@code settings} names one: the node advertises it to
     * the cluster (a port of 0 would be advertised as 0).
     */
    public static AppNode start(Path jar, Path dataDir, Path log, Duration timeout, Map<String, String> settings)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no application jar at " + jar + " (build it: ./mvnw -DskipTests package)");
        }
        Map<String, String> props = standalone(dataDir);
        props.putAll(settings);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppNode node = new AppNode("http://127.0.0.1:" + props.get("quarkus.http.port"), p, "dev");
        boolean ready = false;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("the application exited (" + p.exitValue() + "); see " + log);
                }
                try {
                    if (node.get("/q/health/ready").statusCode() == 200) {
                        ready = true;
                        return node;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IOException("the application was not ready within " + timeout + "; see " + log);
        } finally {
            if (!ready) { // timed out, exited, or the caller was interrupted (a test's @Timeout): no orphan
                node.close();
            }
        }
    }

    /**
     * One node on its own: free HTTP port, every other listener on a port the OS picks (or off),
     * a cluster name of its own and a seed nobody listens on, so it never meets another node.
     */
    private static Map<String, String> standalone(Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cascade.data-dir", dataDir.toString());
        p.put("quarkus.http.port", Integer.toString(freePort()));
        p.put("cascade.node.id", "latency-bench");
        p.put("cascade.infinispan.cluster-name", "latency-bench-" + UUID.randomUUID());
        p.put("cascade.infinispan.port", "0");
        p.put("cascade.infinispan.initial-hosts", "127.0.0.1[7999]");
        p.put("cascade.kafka.embedded-port", "0");
        p.put("cascade.kafka.embedded-controller-port", "0");
        p.put("cascade.s3.embedded-port", "0");
        p.put("cascade.relay.port", "0");
        p.put("cascade.turn.port", "0");
        p.put("cascade.turn.tls-port", "0");
        p.put("cascade.ingest.rtmp-port", "0");
        p.put("cascade.ingest.srt-port", "-1");
        return p;
    }

    /** Process id of the node when this bench started it, else -1. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    public String base() {
        return base;
    }

    /** Whether the process this started still runs (an attached node: true). */
    public boolean alive() {
        return process == null || process.isAlive();
    }

    /** The node dies at once (SIGKILL): no shutdown hook runs, nothing says goodbye to the cluster. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The last {@code lines} lines of a log file, for failure reports. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** {@code POST /api/v1/broadcasts}: the new broadcast's id and RTMP ingest URL. */
    Broadcast createBroadcast(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/broadcasts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("POST /api/v1/broadcasts: " + r.statusCode() + " " + r.body());
        }
        JsonNode b = JSON.readTree(r.body());
        return new Broadcast(b.path("id").asText(), b.path("ingest").path("rtmp").asText());
    }

    void deleteBroadcast(String id) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/broadcasts/" + id))
                    .header("Authorization", "Bearer " + token).DELETE().timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the node is going away anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public HttpResponse<String> get(String path) throws IOException {
        return get(path, null);
    }

    /** {@code GET path} with {@code Authorization: Bearer bearer} (none when null). */
    public HttpResponse<String> get(String path, String bearer) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    record Broadcast(String id, String rtmp) {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the node it started (SIGTERM, then SIGKILL after 20 s); nothing for an attached one. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy(); // SIGTERM: the JVM stops its embedded services
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
