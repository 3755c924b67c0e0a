// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.relay.StreamName;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * WHIP (RFC 9725) and WHEP (draft-ietf-wish-whep) over HTTP, for a {@link WebRtcGateway}. Mount
 * {@link #whip(Vertx)} at {@code /whip} and {@link #whep(Vertx)} at {@code /whep}:
 * <ul>
 *   <li>{@code POST /whip/{streamKey}}, {@code POST /whep/{broadcastId}[?rendition=]}: body
 *       {@code application/sdp} offer; 201 with the answer, {@code Location} (the session),
 *       {@code ETag} (its ICE session) and one {@code Link: <uri>; rel="ice-server"} per STUN/TURN
 *       server (RFC 9725 §4.6);
 *   <li>{@code PATCH {location}}: {@code application/trickle-ice-sdpfrag}, 204; an ICE restart 501;
 *   <li>{@code DELETE {location}}: 200, the session ends;
 *   <li>{@code OPTIONS}: CORS preflight (RFC 9725 §4.4), and every answer carries CORS headers that
 *       expose Location, ETag and Link to browser scripts.
 * </ul>
 * Errors are {@code text/plain} with a sentence naming the problem: 400 malformed offer, 401 bad
 * token, 403 a refused playback token, 404 unknown key or stream or session, 406 nothing in
 * common, 409 already published, 412 If-Match mismatch, 415 wrong content type.
 */
public final class WhipWhepRoutes {
    private static final Logger LOG = Logger.getLogger(WhipWhepRoutes.class);
    private static final int MAX_BODY = 64 * 1024;
    static final String SDP = "application/sdp";
    static final String SDPFRAG = "application/trickle-ice-sdpfrag";

    /** Maps URL names to relay streams; the stream key is a secret and is never logged. */
    public interface Resolver {
        /** The stream a WHIP publisher with this key feeds, or empty for an unknown key. */
        Optional<StreamName> publishStream(String streamKey);

        /** The stream a WHEP viewer of this broadcast (and rendition, may be null) plays, or empty. */
        Optional<StreamName> playStream(String broadcastId, String rendition);

        /**
         * The stream a WHEP POST plays; by default {@link #playStream(String, String)}. A resolver
         * that chooses by the offer (its {@code b=AS}/{@code b=TIAS}) or checks a playback token
         * overrides this.
         *
         * @throws WebRtcException to refuse the request with its status (401, 403, 404)
         */
        default Optional<StreamName> playStream(PlayRequest request) throws WebRtcException {
            return playStream(request.broadcastId(), request.rendition());
        }

        /**
         * What the viewer is believed to take at first, kbps (the offer's {@code b=AS}/{@code
         * b=TIAS}), or 0 for the relay's default; of a simulcast stream it gets that layer first.
         */
        default int startKbps(PlayRequest request) {
            return 0;
        }

        /**
         * Called off the event loop before a WHEP viewer's session is created on {@code stream}:
         * a resolver whose streams may live on another node pulls it here first. Throwing refuses
         * the request with the exception's status.
         */
        default void beforePlay(StreamName stream) throws WebRtcException {
        }

        /**
         * A WHIP offer with this key was answered (its session is connecting), before the answer
         * goes out: a resolver that consumes the stream itself starts here. Throwing refuses the
         * request with the exception's status and closes the session.
         */
        default void published(String streamKey, WebRtcGateway.Answer answer) throws WebRtcException {
        }
    }

    /**
     * A WHEP POST as the resolver sees it.
     *
     * @param broadcastId the path's name
     * @param rendition   {@code ?rendition=}, or null
     * @param token       {@code ?token=} (a playback token), or null
     * @param offerSdp    the body
     */
    public record PlayRequest(String broadcastId, String rendition, String token, String offerSdp) {}

    private final WebRtcGateway gateway;
    private final Resolver resolver;
    private final Predicate<String> publishAuth;
    private final Predicate<String> playAuth;
    private final Supplier<List<String>> iceServerLinks;

    /**
     * @param publishAuth judges the {@code Authorization} header value (null if absent) of WHIP calls
     * @param playAuth the same for WHEP calls ({@code h -> true} for open playback)
     * @param iceServerLinks {@code Link} header values, e.g. {@code <turn:host:3478>; rel="ice-server";
     *     username="..."; credential="..."}, made per request (TURN credentials expire)
     */
    public WhipWhepRoutes(WebRtcGateway gateway, Resolver resolver, Predicate<String> publishAuth,
                          Predicate<String> playAuth, Supplier<List<String>> iceServerLinks) {
        this.gateway = gateway;
        this.resolver = resolver;
        this.publishAuth = publishAuth;
        this.playAuth = playAuth;
        this.iceServerLinks = iceServerLinks;
    }

    /** Routes for {@code /whip}: {@code /{streamKey}} and {@code /session/{id}}. */
    public Router whip(Vertx vertx) {
        return routes(vertx, true);
    }

    /** Routes for {@code /whep}: {@code /{broadcastId}} and {@code /session/{id}}. */
    public Router whep(Vertx vertx) {
        return routes(vertx, false);
    }

    private Router routes(Vertx vertx, boolean whip) {
        Router r = Router.router(vertx);
        r.route().handler(ctx -> {
            cors(ctx.response());
            ctx.next();
        });
        r.options().handler(ctx -> ctx.response().setStatusCode(204)
                .putHeader("Accept-Post", SDP).putHeader("Access-Control-Max-Age", "600").end());
        r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        r.route().handler(ctx -> {
            if ((whip ? publishAuth : playAuth).test(ctx.request().getHeader("Authorization"))) {
                ctx.next();
            } else {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                fail(ctx, 401, "missing or wrong bearer token");
            }
        });
        String base = ctx(whip);
        r.patch("/session/:id").handler(ctx -> trickle(ctx));
        r.delete("/session/:id").handler(ctx -> {
            if (gateway.close(ctx.pathParam("id"))) {
                ctx.response().setStatusCode(200).end();
            } else {
                fail(ctx, 404, "no such session");
            }
        });
        r.post("/:name").handler(ctx -> offer(ctx, whip, base));
        return r;
    }

    private static String ctx(boolean whip) {
        return whip ? "/whip" : "/whep";
    }

    private void offer(RoutingContext ctx, boolean whip, String base) {
        if (!isContentType(ctx, SDP)) {
            fail(ctx, 415, "the body must be an SDP offer (Content-Type: application/sdp)");
            return;
        }
        String name = ctx.pathParam("name");
        String offer = ctx.body().asString(StandardCharsets.UTF_8.name());
        Optional<StreamName> stream;
        int startKbps;
        try {
            PlayRequest request = whip ? null : new PlayRequest(name,
                    ctx.request().getParam("rendition"), ctx.request().getParam("token"), offer);
            stream = whip ? resolver.publishStream(name) : resolver.playStream(request);
            startKbps = whip ? 0 : resolver.startKbps(request);
        } catch (WebRtcException e) {
            fail(ctx, e.status(), e.getMessage());
            return;
        }
        if (stream.isEmpty()) {
            fail(ctx, 404, whip ? "unknown stream key" : "unknown broadcast or rendition");
            return;
        }
        int start = startKbps;
        // Answering starts a DTLS session thread and may generate randomness: keep it off the event loop.
        ctx.vertx().<WebRtcGateway.Answer>executeBlocking(() -> whip
                        ? publish(name, stream.get(), offer) : play(stream.get(), offer, start), false)
                .onSuccess(answer -> {
                    HttpServerResponse res = ctx.response().setStatusCode(201)
                            .putHeader("Content-Type", SDP)
                            .putHeader("Location", base + "/session/" + answer.session().id())
                            .putHeader("ETag", answer.etag());
                    for (String link : iceServerLinks.get()) {
                        res.headers().add("Link", link);
                    }
                    res.end(answer.sdp());
                })
                .onFailure(e -> {
                    if (e instanceof WebRtcException w) {
                        fail(ctx, w.status(), w.getMessage());
                    } else {
                        LOG.errorf(e, "%s offer failed", whip ? "WHIP" : "WHEP");
                        fail(ctx, 500, "internal error");
                    }
                });
    }

    private WebRtcGateway.Answer play(StreamName stream, String offer, int startKbps) throws WebRtcException {
        resolver.beforePlay(stream);
        return gateway.play(stream, offer, startKbps);
    }

    private WebRtcGateway.Answer publish(String key, StreamName stream, String offer) throws WebRtcException {
        WebRtcGateway.Answer answer = gateway.publish(stream, offer);
        try {
            resolver.published(key, answer);
            return answer;
        } catch (WebRtcException | RuntimeException e) {
            gateway.close(answer.session().id());
            throw e;
        }
    }

    private void trickle(RoutingContext ctx) {
        if (!isContentType(ctx, SDPFRAG)) {
            fail(ctx, 415, "PATCH takes application/trickle-ice-sdpfrag");
            return;
        }
        try {
            gateway.trickle(ctx.pathParam("id"), ctx.request().getHeader("If-Match"),
                    ctx.body().asString(StandardCharsets.UTF_8.name()));
            ctx.response().setStatusCode(204).end();
        } catch (WebRtcException e) {
            fail(ctx, e.status(), e.getMessage());
        }
    }

    private static boolean isContentType(RoutingContext ctx, String type) {
        String given = ctx.request().getHeader("Content-Type");
        if (given == null) {
            return false;
        }
        int semi = given.indexOf(';');
        return (semi < 0 ? given : given.substring(0, semi)).trim().equalsIgnoreCase(type);
    }

    private static void cors(HttpServerResponse res) {
        res.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Methods", "POST, PATCH, DELETE, OPTIONS")
                .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match")
                .putHeader("Access-Control-Expose-Headers", "Location, ETag, Link, Accept-Post");
    }

    private static void fail(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
        }
    }
}
