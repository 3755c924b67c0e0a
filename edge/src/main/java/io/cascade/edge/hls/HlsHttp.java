// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Serves the broadcasts of an {@link HlsBroadcasts} over HTTP (docs/hls.md):
 * <pre>
 * GET /hls/{broadcast}/master.m3u8                      multivariant playlist
 * GET /hls/{broadcast}/{rendition}/index.m3u8[?_HLS_msn=M[&amp;_HLS_part=N]][&amp;_HLS_skip=YES|v2]
 * GET /hls/{broadcast}/{rendition}/init.mp4             EXT-X-MAP
 * GET /hls/{broadcast}/{rendition}/p{n}.m4s             part n (held if it is the hinted next part)
 * GET /hls/{broadcast}/{rendition}/s{msn}.m4s           whole segment (its parts back to back)
 * </pre>
 * Parts, segments and init sections leave with sendfile from the spool ({@link HlsResponses#file});
 * playlists are small and change every part, so they are encoded in memory once per change.
 * Held requests take no thread: they wait in the rendition's waiter list and are completed on the
 * Vert.x context that received them. A periodic sweep times them out (503 after three target
 * durations, RFC 8216bis §6.2.5.2).
 */
public final class HlsHttp implements AutoCloseable {
    private static final long SWEEP_MILLIS = 100;

    private final Vertx vertx;
    private final HlsBroadcasts broadcasts;
    private final long sweepTimer;

    public HlsHttp(Vertx vertx, HlsBroadcasts broadcasts) {
        this.vertx = vertx;
        this.broadcasts = broadcasts;
        this.sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> broadcasts.expireWaiters());
    }

    /** A router serving {@code /hls/*}; mount it at the root of the HTTP server (or route to {@link #handle}). */
    public Router router() {
        Router router = Router.router(vertx);
        router.route(HlsRequestParser.PREFIX + "*").handler(this::handle);
        return router;
    }

    /** Handles one request whose raw path starts with {@code /hls/}. */
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            HlsResponses.preflight(ctx);
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD, OPTIONS");
            HlsResponses.error(ctx, 405, "method not allowed");
            return;
        }
        try {
            serve(ctx, HlsRequestParser.parse(ctx.request().path(), ctx.request().query()));
        } catch (HlsRequestException e) {
            HlsResponses.error(ctx, e.status(), e.getMessage());
        }
    }

    private void serve(RoutingContext ctx, HlsResource resource) {
        HlsBroadcast broadcast = broadcasts.get(resource.broadcast())
                .orElseThrow(() -> HlsRequestException.notFound("broadcast " + resource.broadcast()));
        switch (resource) {
            case HlsResource.Multivariant m -> HlsResponses.text(ctx, HlsResponses.PLAYLIST_TYPE,
                    HlsResponses.livePlaylist(), MultivariantPlaylistWriter.render(broadcast.renditions()));
            case HlsResource.MediaPlaylist p -> mediaPlaylist(ctx, broadcast, rendition(broadcast, p.rendition()),
                    p.directives());
            case HlsResource.Init i -> HlsResponses.file(ctx, HlsResponses.INIT_TYPE, HlsResponses.IMMUTABLE,
                    rendition(broadcast, i.rendition()).initData());
            case HlsResource.PartFile f -> part(ctx, rendition(broadcast, f.rendition()), f.sequence());
            case HlsResource.SegmentFile f -> segment(ctx, rendition(broadcast, f.rendition()), f.msn());
        }
    }

    private void mediaPlaylist(RoutingContext ctx, HlsBroadcast broadcast, HlsRendition r, Directives d) {
        TimelineSnapshot s = r.timeline().snapshot();
        ReloadRules.check(d, s, r.settings());
        if (d.blocking() && !s.ended()) {
            CharSequence cache = HlsResponses.blockingPlaylist(r.settings());
            hold(ctx, r, ReloadRules.until(d), () -> playlist(ctx, broadcast, r, d, cache));
        } else if (!s.hasCompleteSegment() && !s.ended()) {
            // Before the first segment a playlist would list nothing: wait for it like a blocking reload.
            hold(ctx, r, TimelineSnapshot::hasCompleteSegment, () -> playlist(ctx, broadcast, r, d,
                    HlsResponses.livePlaylist()));
        } else {
            playlist(ctx, broadcast, r, d, HlsResponses.livePlaylist());
        }
    }

    private static void playlist(RoutingContext ctx, HlsBroadcast broadcast, HlsRendition r, Directives d,
            CharSequence cache) {
        TimelineSnapshot s = r.timeline().snapshot();
        HlsResponses.bytes(ctx, HlsResponses.PLAYLIST_TYPE, cache,
                Unpooled.wrappedBuffer(r.playlist(s, d.skip() != Directives.Skip.NO, broadcast.reportsExcept(r))));
    }

    /** RFC 8216bis §6.2.6: a part is served when complete; the hinted next part is held until then. */
    private void part(RoutingContext ctx, HlsRendition r, long sequence) {
        TimelineSnapshot s = r.timeline().snapshot();
        if (s.part(sequence) == null && !s.ended() && sequence == s.nextPartSequence()) {
            hold(ctx, r, snap -> snap.ended() || snap.nextPartSequence() > sequence, () -> sendPart(ctx, r, sequence));
        } else {
            sendPart(ctx, r, sequence);
        }
    }

    private static void sendPart(RoutingContext ctx, HlsRendition r, long sequence) {
        Part p = r.timeline().snapshot().part(sequence);
        if (p == null) {
            HlsResponses.error(ctx, 404, "not found: part " + sequence);
        } else {
            HlsResponses.file(ctx, HlsResponses.MEDIA_TYPE, HlsResponses.IMMUTABLE, p.data());
        }
    }

    private static void segment(RoutingContext ctx, HlsRendition r, long msn) {
        Segment seg = r.timeline().snapshot().segment(msn);
        if (seg == null) {
            HlsResponses.error(ctx, 404, "not found: segment " + msn);
        } else if (seg.wholeFile() != null) {
            HlsResponses.file(ctx, HlsResponses.MEDIA_TYPE, HlsResponses.IMMUTABLE,
                    new PartData.Spooled(seg.wholeFile(), 0, (int) seg.bytes()));
        } else {
            // Some part is held in memory (a spool write failed, or no spool): send the parts' buffers.
            ByteBuffer[] parts = new ByteBuffer[seg.parts().size()];
            try {
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = seg.parts().get(i).data().buffer();
                }
            } catch (UncheckedIOException e) {
                HlsResponses.error(ctx, 404, "not found: segment " + msn + " is no longer available");
                return;
            }
            HlsResponses.bytes(ctx, HlsResponses.MEDIA_TYPE, HlsResponses.IMMUTABLE, Unpooled.wrappedBuffer(parts));
        }
    }

    /** Holds the request until {@code until} holds, then runs {@code ready} on this request's context. */
    private void hold(RoutingContext ctx, HlsRendition r, Predicate<TimelineSnapshot> until, Runnable ready) {
        Context context = vertx.getOrCreateContext();
        RenditionTimeline.Hold hold = r.timeline().await(until, outcome -> context.runOnContext(v -> {
            switch (outcome) {
                case READY -> ready.run();
                case TIMEOUT -> HlsResponses.error(ctx, 503, "not available within the blocking timeout");
                case GONE -> HlsResponses.error(ctx, 404, "not found: the broadcast ended");
            }
        }));
        switch (hold) {
            case READY -> ready.run();
            case FULL -> HlsResponses.error(ctx, 503, "too many held requests");
            case WAITING -> { }
        }
    }

    private static HlsRendition rendition(HlsBroadcast broadcast, String name) {
        HlsRendition r = broadcast.find(name);
        if (r == null) {
            throw HlsRequestException.notFound("rendition " + name);
        }
        return r;
    }

    /** Stops the timeout sweep; held requests then wait for media only. */
    @Override
    public void close() {
        try {
            vertx.cancelTimer(sweepTimer);
        } catch (RejectedExecutionException e) {
            // Vert.x already closed (application shutdown): the timer went with its event loop.
        }
    }
}
