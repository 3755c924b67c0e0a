// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String INIT_TYPE = "video/mp4";
    static final String MEDIA_TYPE = "video/iso.segment";
    static final String IMMUTABLE = "public, max-age=86400, immutable";
    static final String NO_STORE = "no-store";
    private static final String EXPOSED = "Content-Length, Content-Type, Cache-Control, Age, Date";

    private HlsResponses() {
    }

    static String livePlaylist() {
        return "public, max-age=1";
    }

    static String blockingPlaylist(HlsSettings settings) {
        return "public, max-age=" + 6 * settings.targetDurationSeconds();
    }

    static void text(RoutingContext ctx, String contentType, String cacheControl, String body) {
        bytes(ctx, contentType, cacheControl, List.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the chunks back to back with one Content-Length; HEAD gets the headers only. */
    static void bytes(RoutingContext ctx, String contentType, String cacheControl, List<byte[]> chunks) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        long length = 0;
        for (byte[] c : chunks) {
            length += c.length;
        }
        cors(response).setStatusCode(200).putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", cacheControl).putHeader("Content-Length", Long.toString(length));
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        for (byte[] c : chunks) {
            response.write(Buffer.buffer(c));   // one copy per response: Vert.x 4 has no supported wrap
        }
        response.end();
    }

    static void error(RoutingContext ctx, int status, String message) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        cors(response).setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", NO_STORE);
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
        return response.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", EXPOSED);
    }
}
