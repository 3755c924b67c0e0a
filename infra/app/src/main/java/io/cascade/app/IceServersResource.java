// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cascade.distribution.stun.TurnRestCredentials;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/ice-servers[?user=alice]}: this node's STUN/TURN servers in the shape of
 * {@code RTCConfiguration.iceServers} (W3C WebRTC §4.2.1), with fresh TURN REST API credentials
 * ({@code username = expiry:user}, {@code credential = base64(HMAC-SHA1(secret, username))}), so
 * that the body can be handed to {@code new RTCPeerConnection(body)} as it is. {@code expiresAt}
 * says when to fetch new ones; browsers ignore members they do not know.
 *
 * <p>{@code user} names whom the allocation quota counts against (default {@code anonymous}); 1 to
 * 64 letters, digits, dot, dash, underscore or at sign (no colon: it separates the expiry).
 * 503 when this node runs no TURN server.
 */
@Path("/api/v1/ice-servers")
@Produces(MediaType.APPLICATION_JSON)
public class IceServersResource {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Inject
    TurnService turn;

    /** The response body: {@code {"iceServers":[...], "expiresAt":"..."}}. */
    public record IceConfiguration(List<IceServer> iceServers, Instant expiresAt) {}

    /** One RTCIceServer; STUN entries carry no credentials. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IceServer(List<String> urls, String username, String credential, String credentialType) {}

    @GET
    public Response iceServers(@QueryParam("user") String user) {
        String name = user == null ? "anonymous" : user;
        if (!USER.matcher(name).matches()) {
            return error(Response.Status.BAD_REQUEST, "user must be 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        if (!turn.running()) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "this node runs no STUN/TURN server");
        }
        List<String> urls = turn.urls();
        TurnRestCredentials.Credential credential = turn.credentials(name);
        return Response.ok(new IceConfiguration(List.of(
                new IceServer(urls.subList(0, 1), null, null, null),
                new IceServer(urls.subList(1, urls.size()), credential.username(), credential.password(), "password")),
                credential.expiresAt())).build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
