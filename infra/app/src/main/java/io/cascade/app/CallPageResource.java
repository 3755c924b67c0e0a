// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /app?user=NAME[&call=OTHER][&autoaccept=1][&ice=relay]}: the 1:1 calling page. The
 * page itself is a static file ({@code META-INF/resources/app/index.html}, script beside it at
 * {@code /app/app.js}); this serves it at {@code /app} without a trailing slash, keeping the query.
 */
@Path("/app")
public class CallPageResource {
    private static final String PAGE = "META-INF/resources/app/index.html";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(in.readAllBytes()).header("Cache-Control", "no-cache").build();
        }
    }
}
