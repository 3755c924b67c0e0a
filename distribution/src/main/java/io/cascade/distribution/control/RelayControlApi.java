// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cascade.distribution.control.ApiTypes.PublishRequest;
import io.cascade.distribution.control.ApiTypes.PublishResponse;
import io.cascade.distribution.control.ApiTypes.SubscribeRequest;
import io.cascade.distribution.control.ApiTypes.SubscribeResponse;
import io.cascade.distribution.control.ApiTypes.Track;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Serves {@code docs/relay-api.md}: mount {@link #router(Vertx)} under {@code /relay/v1}. Every
 * call needs {@code Authorization: Bearer <token>} (compared in constant time). Errors come back
 * as {@code {"error": "..."}} with 400 (bad input, naming the field), 401, 404 (unknown stream or
 * subscriber), 409 (SSRC already published) or 502 (an upstream could not be pulled).
 */
public final class RelayControlApi {
    private static final Logger LOG = Logger.getLogger(RelayControlApi.class);
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final int MAX_BODY = 64 * 1024;

    private final RelayNode node;
    private final StreamSource source;
    private final byte[] expectedAuth;

    public RelayControlApi(RelayNode node, StreamSource source, String token) {
        this.node = node;
        this.source = source;
        this.expectedAuth = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public Router router(Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        r.route().handler(this::authorize);
        r.post("/publish").handler(ctx -> json(ctx, this::publish));
        r.post("/subscribe").handler(ctx -> json(ctx, this::subscribe));
        r.delete("/subscribers/:id").handler(ctx -> json(ctx, this::unsubscribe));
        r.get("/streams").handler(ctx -> json(ctx, c -> node.stats().thenApply(s -> (Object) Map.of("streams", s))));
        r.delete("/streams").handler(ctx -> json(ctx, this::closeStream));
        r.get("/counters").handler(ctx -> json(ctx, c -> node.counters().thenApply(x -> (Object) x)));
        return r;
    }

    private void authorize(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        byte[] given = h == null ? new byte[0] : h.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expectedAuth, given)) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                    .putHeader("Content-Type", "application/json").end("{\"error\":\"missing or wrong bearer token\"}");
        }
    }

    private CompletableFuture<Object> publish(RoutingContext ctx) {
        PublishRequest req = body(ctx, PublishRequest.class);
        StreamName name = streamName(req.stream());
        List<TrackSpec> tracks = tracks(req.tracks());
        List<LayerSpec> layers = ApiTypes.layers(req.layers(), tracks);
        return node.publish(name, Addresses.parse("source", req.source()), tracks, layers, null).thenApply(info -> {
            source.published(name);
            return new PublishResponse(name.value(), Addresses.format(info.mediaAddress()));
        });
    }

    private CompletableFuture<Object> subscribe(RoutingContext ctx) {
        SubscribeRequest req = body(ctx, SubscribeRequest.class);
        StreamName name = streamName(req.stream());
        var destination = Addresses.parse("destination", req.destination());
        int[] rtx = req.rtxPayloadTypes() == null ? null : req.rtxPayloadTypes().stream().mapToInt(Integer::intValue).toArray();
        boolean allLayers = req.allLayers() != null && req.allLayers();
        return source.ensure(name)
                .thenCompose(v -> allLayers ? node.subscribeAllLayers(name, destination, rtx)
                        : node.subscribe(name, destination, rtx))
                .thenApply(s -> new SubscribeResponse(s.id(), name.value(), Addresses.format(s.mediaAddress()),
                        s.tracks().stream().map(Track::of).toList(),
                        s.layers() == null ? null : s.layers().stream().map(ApiTypes.Layer::of).toList()));
    }

    private CompletableFuture<Object> unsubscribe(RoutingContext ctx) {
        StreamName name = streamName(ctx.queryParams().get("stream"));
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "id: not a number");
        }
        return node.unsubscribe(name, id).thenApply(found -> {
            if (!found) {
                throw new ApiException(404, "no subscriber " + id + " on " + name);
            }
            return Map.of("removed", id);
        });
    }

    private CompletableFuture<Object> closeStream(RoutingContext ctx) {
        StreamName name = streamName(ctx.queryParams().get("stream"));
        return node.close(name).thenApply(found -> {
            if (!found) {
                throw new ApiException(404, "no stream " + name);
            }
            source.closed(name);
            return Map.of("closed", name.value());
        });
    }

    private static StreamName streamName(String s) {
        try {
            return StreamName.of(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "stream: " + e.getMessage());
        }
    }

    private static List<TrackSpec> tracks(List<Track> tracks) {
        if (tracks == null || tracks.isEmpty() || tracks.size() > 8) {
            throw new ApiException(400, "tracks: 1 to 8 tracks");
        }
        return tracks.stream().map(Track::toSpec).toList();
    }

    private static <T> T body(RoutingContext ctx, Class<T> type) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw new ApiException(400, "body: a JSON object is required");
        }
        try {
            return JSON.readValue(ctx.body().buffer().getBytes(), type);
        } catch (IOException e) {
            throw new ApiException(400, "body: " + e.getMessage().lines().findFirst().orElse("invalid JSON"));
        }
    }

    private void json(RoutingContext ctx, Function<RoutingContext, CompletableFuture<Object>> op) {
        CompletableFuture<Object> result;
        try {
            result = op.apply(ctx);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, error) -> {
            if (error == null) {
                reply(ctx, 200, value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                reply(ctx, status(cause), Map.of("error", String.valueOf(cause.getMessage())));
            }
        });
    }

    private static int status(Throwable e) {
        if (e instanceof ApiException a) {
            return a.status();
        }
        if (e instanceof NoSuchElementException) {
            return 404;
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage() != null && e.getMessage().contains("already published") ? 409 : 400;
        }
        if (e instanceof UpstreamException) {
            return 502;
        }
        LOG.warnf(e, "relay control API: unexpected error");
        return 500;
    }

    private static void reply(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.buffer.Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
