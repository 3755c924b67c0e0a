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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Cascade node under test: either the application jar started as a child process on free
 * ports with a data directory of its own (so it never meets a running {@code bin/cascade up}), or a
 * node already running at a given URL. Creates the broadcast the bench publishes to.
 */
final class AppNode implements AutoCloseable {
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
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no application jar at " + jar + " (build it: ./mvnw -DskipTests install)");
        }
        int http = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-Dcascade.data-dir=" + dataDir, "-Dquarkus.http.port=" + http,
                "-Dcascade.node.id=latency-bench", "-Dcascade.infinispan.cluster-name=latency-bench-" + UUID.randomUUID(),
                "-Dcascade.infinispan.port=0", "-Dcascade.infinispan.initial-hosts=127.0.0.1[7999]",
                "-Dcascade.kafka.embedded-port=0", "-Dcascade.kafka.embedded-controller-port=0", "-Dcascade.s3.embedded-port=0",
                "-Dcascade.relay.port=0", "-Dcascade.turn.port=0", "-Dcascade.turn.tls-port=0",
                "-Dcascade.ingest.rtmp-port=0", "-Dcascade.ingest.srt-port=-1", "-jar", jar.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppNode node = new AppNode("http://127.0.0.1:" + http, p, "dev");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("the application exited (" + p.exitValue() + "); see " + log);
            }
            try {
                if (node.get("/q/health/ready").statusCode() == 200) {
                    return node;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        node.close();
        throw new IOException("the application was not ready within " + timeout + "; see " + log);
    }

    /** Process id of the node when this bench started it, else -1. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    String base() {
        return base;
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

    HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    record Broadcast(String id, String rtmp) {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

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
