// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket client of /ws/signaling (the JDK's): sends text, waits for typed replies with a bound. */
final class SignalingClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private SignalingClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects to {@code base} (http://host:port/) with the query (may be empty). */
    static SignalingClient connect(URI base, String query) {
        String ws = base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/signaling"
                + (query.isEmpty() ? "" : "?" + query);
        return new SignalingClient(URI.create(ws));
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The next message of this type, skipping others (presence, mostly); fails after 10 s. */
    JsonNode expect(String type) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        try {
            while (true) {
                JsonNode m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no " + type + " within " + BOUND);
                }
                if (type.equals(m.path("type").asText())) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a message and returns the error it gets. */
    JsonNode refused(String text) {
        send(text);
        return expect("error");
    }

    boolean isOpen() {
        return !socket.isOutputClosed() && !closed.isDone();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("server sent non-JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
