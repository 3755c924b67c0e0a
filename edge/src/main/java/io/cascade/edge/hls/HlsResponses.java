// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes HLS responses: content types, cache policy and CORS in one place.
 *
 * <p>Cache policy, for a CDN in front: parts, segments and init sections never change once
 * published and their names are not reused (sequence numbers start from the broadcast's open time),
 * so they are immutable for a day. Blocking playlist responses are valid for their query (the part
 * they waited for exists forever after) and may be cached for six target durations. A plain
 * playlist request gets the shortest expressible lifetime, one second (max-age has whole seconds;
 * PART-TARGET is below that). Errors are not stored.
 */
final class HlsResponses {
    static final CharSequence PLAYLIST_TYPE = HttpHeaders.createOptimized("application/vnd.apple.mpegurl");
    static final CharSequence INIT_TYPE = HttpHeaders.createOptimized("video/mp4");
    static final CharSequence MEDIA_TYPE = HttpHeaders.createOptimized("video/iso.segment");
    static final CharSequence IMMUTABLE = HttpHeaders.createOptimized("public, max-age=86400, immutable");
    static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence LIVE = HttpHeaders.createOptimized("public, max-age=1");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.CACHE_CONTROL;
    private static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    private static final CharSequence CONTENT_LENGTH = HttpHeaders.CONTENT_LENGTH;
    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
    private static final CharSequence EXPOSE_HEADERS = HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS;
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");
    private static final CharSequence EXPOSED =
            HttpHeaders.createOptimized("Content-Length, Content-Type, Cache-Control, Age, Date");
    private static final ConcurrentHashMap<Integer, CharSequence> BLOCKING = new ConcurrentHashMap<>();

    private HlsResponses() {
    }

    static CharSequence livePlaylist() {
        return LIVE;
    }

    static CharSequence blockingPlaylist(HlsSettings settings) {
        return BLOCKING.computeIfAbsent(6 * settings.targetDurationSeconds(),
                age -> HttpHeaders.createOptimized("public, max-age=" + age));
    }

    static void text(RoutingContext ctx, CharSequence contentType, CharSequence cacheControl, String body) {
        bytes(ctx, contentType, cacheControl, Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends {@code body} as the whole response in one write (status line, headers and body leave
     * together; Vert.x adds Content-Length); HEAD gets the headers only. The body is usually a view
     * of shared read-only memory (a part, a cached playlist), sent without copying.
     */
    static void bytes(RoutingContext ctx, CharSequence contentType, CharSequence cacheControl, ByteBuf body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        cors(response).setStatusCode(200).putHeader(CONTENT_TYPE, contentType).putHeader(CACHE_CONTROL, cacheControl);
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(CONTENT_LENGTH, Integer.toString(body.readableBytes())).end();
            return;
        }
        response.end(Buffer.buffer(body));
    }

    /**
     * Sends a part, segment or init section. A spooled one leaves with sendfile (Vert.x opens the
     * file, writes the head, then hands the region to the socket: FileChannel.transferTo, i.e.
     * sendfile(2), on the NIO transport; native sendfile on epoll), with the same headers as
     * {@link #bytes}; one held in memory goes through {@link #bytes}. If the file cannot be opened
     * (deleted under a request that stalled longer than {@link RenditionStore} waits) nothing has
     * been written yet and the answer is a 404; a file deleted after it was opened is still sent whole.
     */
    static void file(RoutingContext ctx, CharSequence contentType, CharSequence cacheControl, PartData data) {
        if (!(data instanceof PartData.Spooled f)) {
            bytes(ctx, contentType, cacheControl, Unpooled.wrappedBuffer(data.buffer()));
            return;
        }
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        cors(response).setStatusCode(200).putHeader(CONTENT_TYPE, contentType).putHeader(CACHE_CONTROL, cacheControl)
                .putHeader(CONTENT_LENGTH, Integer.toString(f.size()));
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        response.sendFile(f.file().pathName(), f.offset(), f.size()).onFailure(e -> {
            if (!response.headWritten()) {
                response.headers().remove(CONTENT_LENGTH);
                error(ctx, 404, "not found: no longer available");
            }
        });
    }

    static void error(RoutingContext ctx, int status, String message) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        cors(response).setStatusCode(status).putHeader(CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(CACHE_CONTROL, NO_STORE);
        response.end(ctx.request().method() == HttpMethod.HEAD ? "" : message + "\n");
    }

    /** CORS preflight: any origin may GET; hls.js and Safari send no credentials. */
    static void preflight(RoutingContext ctx) {
        String requested = ctx.request().getHeader("Access-Control-Request-Headers");
        HttpServerResponse response = cors(ctx.response()).setStatusCode(204)
                .putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .putHeader("Access-Control-Max-Age", "86400");
        if (requested != null && requested.length() < 512) {
            response.putHeader("Access-Control-Allow-Headers", requested);
        }
        response.end();
    }

    static HttpServerResponse cors(HttpServerResponse response) {
        return response.putHeader(ALLOW_ORIGIN, ANY).putHeader(EXPOSE_HEADERS, EXPOSED);
    }
}
