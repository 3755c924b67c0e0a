// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.edge.route.EdgeCandidate;
import io.cascade.edge.route.EdgeRanking;
import io.cascade.edge.route.EdgeRoute;
import io.cascade.platform.directory.NodeInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/edges/route?broadcast={id}[&region={r}]} (docs/playback.md): the live nodes
 * with the {@code edge} role (or {@code all}) from the directory, the viewer's region first, then
 * by load, each with its LL-HLS and WHEP URLs for the broadcast. With playback tokens on, the URLs
 * carry a fresh token ({@code cascade.playback.token-ttl}), so this is how a player front gets
 * one. Bearer token as for all of {@code /api/*}.
 */
@Path("/api/v1/edges")
@Produces(MediaType.APPLICATION_JSON)
public class EdgesResource {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    PlatformServices platform;

    @Inject
    BroadcastService broadcasts;

    @Inject
    PlaybackAccess playback;

    /** The answer: the ranked edges, and the token their URLs carry (null when tokens are off). */
    public record Route(String broadcast, String region, String token, List<EdgeRoute> edges) {}

    @GET
    @Path("/route")
    public Response route(@QueryParam("broadcast") String broadcast, @QueryParam("region") String region) {
        if (broadcast == null || !ID.matcher(broadcast).matches()) {
            return error(400, "broadcast: 1-64 of A-Z a-z 0-9 _ -");
        }
        if (region != null && !region.isEmpty() && !REGION.matcher(region).matches()) {
            return error(400, "region: 1-64 of A-Z a-z 0-9 _ . -");
        }
        if (broadcasts.registry().get(broadcast).isEmpty()) {
            return error(404, "no broadcast " + broadcast);
        }
        List<EdgeCandidate> candidates = platform.directory().nodes("edge", null).stream()
                .filter(n -> n.addresses().containsKey("http")).map(EdgesResource::candidate).toList();
        String token = playback.mint(broadcast).orElse(null);
        return Response.ok(new Route(broadcast, region, token, EdgeRanking.routes(candidates, region, broadcast, token))).build();
    }

    private static EdgeCandidate candidate(NodeInfo n) {
        return new EdgeCandidate(n.id(), n.region(), n.load(), n.addresses().get("http"));
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
