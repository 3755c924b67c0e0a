// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.distribution.control.ApiTypes.PublishRequest;
import io.cascade.distribution.control.ApiTypes.PublishResponse;
import io.cascade.distribution.control.ApiTypes.SubscribeRequest;
import io.cascade.distribution.control.ApiTypes.SubscribeResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls another node's relay control API (tier to tier), asynchronously, with a short timeout. */
public final class RelayControlClient {
    private final HttpClient http;
    private final String token;
    private final Duration timeout;

    public RelayControlClient(String token, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.token = token;
        this.timeout = timeout;
    }

    /** @param base the node's API root, e.g. {@code http://10.0.0.5:8080/relay/v1} */
    public CompletableFuture<SubscribeResponse> subscribe(String base, SubscribeRequest request) {
        return call("POST", base + "/subscribe", request, SubscribeResponse.class);
    }

    public CompletableFuture<PublishResponse> publish(String base, PublishRequest request) {
        return call("POST", base + "/publish", request, PublishResponse.class);
    }

    public CompletableFuture<JsonNode> unsubscribe(String base, String stream, long id) {
        return call("DELETE", base + "/subscribers/" + id + "?stream=" + stream, null, JsonNode.class);
    }

    public CompletableFuture<JsonNode> streams(String base) {
        return call("GET", base + "/streams", null, JsonNode.class);
    }

    private <T> CompletableFuture<T> call(String method, String url, Object body, Class<T> type) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(RelayControlApi.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, publisher).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).thenApply(resp -> {
            if (resp.statusCode() / 100 != 2) {
                throw new ApiException(resp.statusCode(), url + " answered " + resp.statusCode() + ": "
                        + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            try {
                return RelayControlApi.JSON.readValue(resp.body(), type);
            } catch (IOException e) {
                throw new ApiException(502, url + ": unreadable answer: " + e.getMessage());
            }
        });
    }
}
