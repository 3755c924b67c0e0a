// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.directory.ViewerSessions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which edge serves which viewer session (docs/playback.md, "Viewer sessions"), from the
 * directory: {@code GET /api/v1/viewers?broadcast={id}[&limit=N]} lists a broadcast's sessions
 * on every live node, {@code GET /api/v1/viewers/{session}} finds one (a WHEP session id, from
 * its {@code Location}, or an HLS session id from the list). Entries are at most one directory
 * heartbeat old. Bearer token as for all of {@code /api/*}.
 */
@Path("/api/v1/viewers")
@Produces(MediaType.APPLICATION_JSON)
public class ViewersResource {
    private static final Pattern BROADCAST = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LIMIT = 10_000;

    @Inject
    PlatformServices platform;

    /** A broadcast's listed sessions, oldest first. */
    public record Listing(String broadcast, int count, List<ViewerSessions.Session> sessions) {}

    @GET
    public Response list(@QueryParam("broadcast") String broadcast, @QueryParam("limit") String limit) {
        if (broadcast == null || !BROADCAST.matcher(broadcast).matches()) {
            return error(400, "broadcast: 1-64 of A-Z a-z 0-9 _ -");
        }
        int n = 1000;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                return error(400, "limit: 1-" + MAX_LIMIT);
            }
        }
        List<ViewerSessions.Session> sessions = platform.viewerSessions().of(broadcast, n);
        return Response.ok(new Listing(broadcast, sessions.size(), sessions)).build();
    }

    @GET
    @Path("/{session}")
    public Response find(@PathParam("session") String session) {
        if (!ViewerSessions.ID.matcher(session).matches()) {
            return error(400, "session: 1-64 of A-Z a-z 0-9 _ -");
        }
        return platform.viewerSessions().find(session)
                .map(s -> Response.ok(s).build())
                .orElseGet(() -> error(404, "no live viewer session " + session));
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
