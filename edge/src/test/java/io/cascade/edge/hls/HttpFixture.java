// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Vert.x HTTP server on an ephemeral loopback port serving {@link HlsHttp}, and clients for it. */
final class HttpFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final Vertx vertx = Vertx.vertx();
    final HlsHttp http;
    final HttpServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpFixture(HlsBroadcasts broadcasts) throws Exception {
        http = new HlsHttp(vertx, broadcasts);
        server = vertx.createHttpServer().requestHandler(http.router()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String pathAndQuery) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return getAsync(pathAndQuery).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    HttpResponse<byte[]> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Sends a request target byte for byte (no client-side normalization) and returns the status line. */
    String raw(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.actualPort())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        http.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
