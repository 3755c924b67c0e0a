// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.edge.access.PlaybackTokens;
import io.cascade.edge.viewers.RecentClients;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.directory.ViewerSessions;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may play a broadcast, and who does (docs/playback.md). With {@code
 * cascade.playback.token-secret} set, {@code /hls/{id}/...} and {@code POST /whep/{id}} need a
 * playback token for that id in {@code ?token=}: 401 without one, 403 for a bad or expired one.
 * Playlist requests are counted per distinct client (remote address and User-Agent) for the
 * viewer count; see {@link RecentClients} for what that can and cannot tell apart.
 */
@ApplicationScoped
public class PlaybackAccess {
    /** Bounds the viewer table: past this many recent HLS clients, new ones are not counted. */
    static final int MAX_TRACKED_CLIENTS = 200_000;
    private static final Pattern HLS_PATH = Pattern.compile("/hls/([A-Za-z0-9_-]{1,64})(/.*)?");

    @Inject
    CascadeConfig config;

    private volatile State state;

    /** The tokens and the viewer window, checked once; a bad value fails the start naming its key. */
    record State(Optional<PlaybackTokens> tokens, Duration tokenTtl, RecentClients hlsClients) {}

    static State state(CascadeConfig.Playback c, InstantSource clock) {
        if (!c.tokenTtl().isPositive()) {
            throw new IllegalStateException("cascade.playback.token-ttl must be positive, is " + c.tokenTtl());
        }
        if (!c.viewerWindow().isPositive()) {
            throw new IllegalStateException("cascade.playback.viewer-window must be positive, is " + c.viewerWindow());
        }
        Optional<PlaybackTokens> tokens;
        try {
            tokens = c.tokenSecret().map(s -> new PlaybackTokens(s, clock));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cascade.playback.token-secret: " + e.getMessage(), e);
        }
        return new State(tokens, c.tokenTtl(), new RecentClients(clock, c.viewerWindow(), MAX_TRACKED_CLIENTS));
    }

    /** Checks the settings at start, so that a bad value fails it rather than the first viewer. */
    void start(@Observes StartupEvent ev) {
        state();
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = state(config.playback(), InstantSource.system());
                }
                s = state;
            }
        }
        return s;
    }

    public boolean tokensRequired() {
        return state().tokens().isPresent();
    }

    /** A fresh token for {@code broadcastId}, when tokens are on. */
    public Optional<String> mint(String broadcastId) {
        State s = state();
        return s.tokens().map(t -> t.mint(broadcastId, s.tokenTtl()));
    }

    /** 0 when {@code token} lets its holder play {@code broadcastId}, else the HTTP status (401, 403). */
    public int refusal(String broadcastId, String token) {
        Optional<PlaybackTokens> tokens = state().tokens();
        if (tokens.isEmpty()) {
            return 0;
        }
        return switch (tokens.get().check(broadcastId, token)) {
            case VALID -> 0;
            case MISSING -> 401;
            case INVALID, EXPIRED -> 403;
        };
    }

    /** Routing-context key under which {@link #hls} leaves the request's broadcast id. */
    static final String BROADCAST = "cascade.broadcast";

    /**
     * Vert.x handler in front of {@code /hls/*}: the token check, then counting playlist requests;
     * a request on the grammar carries its broadcast id on to later handlers ({@link #BROADCAST}).
     */
    void hls(RoutingContext ctx) {
        Matcher m = HLS_PATH.matcher(ctx.normalizedPath());
        if (!m.matches() || "OPTIONS".equals(ctx.request().method().name())) {
            ctx.next(); // off the grammar: the packager answers 404 itself
            return;
        }
        String id = m.group(1);
        ctx.put(BROADCAST, id); // for the handlers after this one
        int refused = refusal(id, ctx.request().getParam("token"));
        if (refused != 0) {
            ctx.response().setStatusCode(refused).putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Cache-Control", "no-store").putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(refused == 401 ? "a playback token is needed (?token=)\n" : "the playback token is not valid for this broadcast\n");
            return;
        }
        if (m.group(2) != null && m.group(2).endsWith(".m3u8")) {
            String ua = ctx.request().getHeader("User-Agent");
            state().hlsClients().seen(id, ctx.request().remoteAddress().hostAddress() + "|" + (ua == null ? "" : ua));
        }
        ctx.next();
    }

    /** Distinct HLS clients within the viewer window, per broadcast that has any. */
    public Map<String, Long> hlsViewers() {
        return state().hlsClients().counts();
    }

    /**
     * The HLS clients within the viewer window as viewer sessions of this node. A session id is
     * a hash of node, broadcast and client (address and User-Agent are not put in the directory),
     * so one client on two edges is two sessions, and a client that moves edge gets a new one.
     */
    public List<ViewerSessions.Live> hlsSessions(String nodeId) {
        List<ViewerSessions.Live> out = new ArrayList<>();
        state().hlsClients().forEachRecent((broadcast, client) ->
                out.add(new ViewerSessions.Live(hlsSessionId(nodeId, broadcast, client), broadcast, "hls")));
        return out;
    }

    static String hlsSessionId(String nodeId, String broadcast, String client) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((nodeId + "\n" + broadcast + "\n" + client).getBytes(StandardCharsets.UTF_8));
            return "hls-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct HLS clients of {@code broadcastId} within the viewer window. */
    public int hlsViewers(String broadcastId) {
        return state().hlsClients().count(broadcastId);
    }
}
