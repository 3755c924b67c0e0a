// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /meet/{room}?name=NAME[&ice=relay][&audioOnly=1]}: the meeting page, which joins the
 * room at once with camera and microphone (docs/signaling.md, "Rooms"). The page is the static
 * {@code META-INF/resources/app/meet.html}, its script {@code /app/meet.js}; the room id comes
 * from the path, read by the script.
 */
@Path("/meet/{room}")
public class MeetPageResource {
    private static final String PAGE = "META-INF/resources/app/meet.html";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("room") String room) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(in.readAllBytes()).header("Cache-Control", "no-cache").build();
        }
    }
}
