// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /watch/{broadcastId}[?mode=hls|whep][&rendition=720p][&token=...]}: the viewer page
 * (docs/playback.md). It plays LL-HLS with the vendored hls.js ({@code /vendor/hls.js/}) on TVs
 * and phones and WHEP on desktop browsers, unless {@code mode} says otherwise. The page is the
 * static {@code META-INF/resources/app/watch.html}, its script {@code /app/watch.js}; the id
 * comes from the path. An unknown broadcast is 404.
 */
@Path("/watch/{broadcastId}")
public class WatchPageResource {
    private static final String PAGE = "META-INF/resources/app/watch.html";

    @Inject
    BroadcastService broadcasts;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("broadcastId") String broadcastId) throws IOException {
        if (broadcasts.registry().get(broadcastId).isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("no broadcast " + broadcastId + "\n").build();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(in.readAllBytes()).header("Cache-Control", "no-cache").build();
        }
    }
}
