// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.ingest.broadcast.Broadcast;
import io.cascade.ingest.broadcast.BroadcastRegistry;
import io.cascade.ingest.program.ProgramState;
import io.cascade.platform.config.CascadeConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/v1/broadcasts} (ARCHITECTURE.md contracts; docs/broadcast-api.md): create a
 * broadcast, add sources (each with its own stream key, returned once), cut the program, name a
 * backup, read the state. Bearer token as for all of {@code /api/*}.
 */
@Path("/api/v1/broadcasts")
@Produces(MediaType.APPLICATION_JSON)
public class BroadcastsResource {

    @Inject
    BroadcastService service;

    @Inject
    TranscodeWorkers transcode;

    @Inject
    PlatformServices platform;

    @Inject
    CascadeConfig config;

    @Inject
    BroadcastViewers viewers;

    public record CreateRequest(String name) {}

    public record SourceRequest(String name, String source) {}

    public record Ingest(String rtmp, String srt, String whip) {}

    public record Playback(String hls, String whep) {}

    public record Created(String id, String name, String source, String streamKey, Ingest ingest, Playback playback) {}

    public record SourceState(String name, boolean live) {}

    public record State(String id, String name, String created, List<SourceState> sources, String program,
                        String pending, String backup, long switches, Playback playback, long viewers,
                        Map<String, Long> viewersByEdge, Map<String, Long> viewersByRegion) {}

    @POST
    public Response create(CreateRequest req) {
        String name = req == null || req.name() == null ? "broadcast" : req.name();
        if (name.length() > 200) {
            return error(400, "name: at most 200 characters");
        }
        BroadcastRegistry.Created c = service.registry().create(name);
        return Response.status(201).entity(created(c)).build();
    }

    @GET
    public List<State> list() {
        return service.registry().all().stream().map(this::state).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return service.registry().get(id).map(b -> Response.ok(state(b)).build())
                .orElseGet(() -> error(404, "no broadcast " + id));
    }

    @POST
    @Path("/{id}/sources")
    public Response addSource(@PathParam("id") String id, SourceRequest req) {
        try {
            BroadcastRegistry.Created c = service.registry().addSource(id, req == null ? null : req.name());
            return Response.status(201).entity(created(c)).build();
        } catch (NoSuchElementException e) {
            return error(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    /** The operator's cut: {@code {"source":"cam2"}}; takes effect at that source's next keyframe. */
    @POST
    @Path("/{id}/program")
    public Response cut(@PathParam("id") String id, SourceRequest req) {
        return withSource(id, req, (b, source) -> b.inputs().cut(source));
    }

    /** The source to fail over to when the program goes silent: {@code {"source":"backup"}}. */
    @POST
    @Path("/{id}/backup")
    public Response backup(@PathParam("id") String id, SourceRequest req) {
        return withSource(id, req, (b, source) -> b.inputs().designateBackup(source));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!service.registry().delete(id)) {
            return error(404, "no broadcast " + id);
        }
        transcode.withdraw(id); // the slate would otherwise keep its ladder busy for ever
        return Response.noContent().build();
    }

    private Response withSource(String id, SourceRequest req, java.util.function.BiConsumer<Broadcast, String> action) {
        Broadcast b = service.registry().get(id).orElse(null);
        if (b == null) {
            return error(404, "no broadcast " + id);
        }
        String source = req == null ? null : req.source();
        if (source == null || !b.sources().contains(source)) {
            return error(400, "source: one of " + b.sources());
        }
        action.accept(b, source);
        return Response.status(202).entity(state(b)).build();
    }

    private Created created(BroadcastRegistry.Created c) {
        String host = config.node().advertisedHost();
        String http = "http://" + host + ":" + platform.httpPort();
        InetSocketAddress rtmp = service.rtmpAddress();
        String key = c.streamKey();
        int srt = service.srtPort();
        Ingest ingest = new Ingest(rtmp == null ? null : "rtmp://" + host + ":" + rtmp.getPort() + "/live/" + key,
                srt < 0 ? null : "srt://" + host + ":" + srt + "?streamid=publish:" + key, http + "/whip/" + key);
        return new Created(c.broadcast().id(), c.broadcast().name(), c.source(), key, ingest, playback(c.broadcast()));
    }

    private Playback playback(Broadcast b) {
        String http = "http://" + config.node().advertisedHost() + ":" + platform.httpPort();
        return new Playback(http + "/hls/" + b.id() + "/master.m3u8", http + "/whep/" + b.id());
    }

    private State state(Broadcast b) {
        ProgramState s = b.inputs().state();
        List<SourceState> sources = b.sources().stream()
                .map(n -> new SourceState(n, Boolean.TRUE.equals(s.live().get(n)))).toList();
        var v = viewers.totals(b.id());
        return new State(b.id(), b.name(), b.created().toString(), sources, s.program(), s.pending(), s.backup(),
                s.switches(), playback(b), v.total(), v.byEdge(), v.byRegion());
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
