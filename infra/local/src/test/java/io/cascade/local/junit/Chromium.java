// SPDX-License-Identifier: Apache-2.0
package io.cascade.local.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}) driven over the DevTools protocol, for
 * tests with a real WebRTC stack. Started with the flags PEERS.md lists (no sandbox as root, no
 * background networking, fake media devices) and a fresh profile; {@link #evaluate} runs a
 * JavaScript expression (a promise is awaited) in a page and returns its value as JSON.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();

    private Chromium(Process process, Path profile, URI devtools) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(devtools, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static Chromium start() throws IOException {
        Path profile = TempDirs.create("chromium");
        Process p = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at >= 0) {
                Thread drain = new Thread(() -> drain(out), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return new Chromium(p, profile, URI.create(line.substring(at).trim()));
            }
        }
        p.destroyForcibly();
        throw new IOException("Chromium did not print its DevTools address");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Chromium's log lines; not needed by the tests
            }
        } catch (IOException e) {
            // the browser exited
        }
    }

    /** Opens a page (a URL, or {@code about:blank}) and returns its session id. */
    public String open(String url) {
        String target = call(null, "Target.createTarget", Map.of("url", url)).path("targetId").asText();
        return call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
    }

    /** Evaluates {@code expression} in the page, awaiting a promise, and returns the value. */
    public JsonNode evaluate(String session, String expression, Duration timeout) {
        JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true, "timeout", timeout.toMillis()), timeout.plusSeconds(5));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("page threw: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    private JsonNode call(String session, String method, Map<String, Object> params) {
        return call(session, method, params, Duration.ofSeconds(20));
    }

    private JsonNode call(String session, String method, Map<String, Object> params, Duration timeout) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) { // a WebSocket takes one send at a time; pages may be driven from several threads
            socket.sendText(msg.toString(), true).join();
        }
        JsonNode r = reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(m);
                    }
                } catch (IOException e) {
                    // not JSON: ignore
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            TempDirs.delete(profile);
        }
    }
}
