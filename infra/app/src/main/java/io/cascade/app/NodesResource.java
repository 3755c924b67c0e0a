// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.directory.Assignment;
import io.cascade.platform.directory.NodeInfo;
import io.cascade.platform.directory.WorkerLease;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/nodes[?role=edge&region=eu]}: live nodes from the directory, least loaded
 * first. {@code GET /api/v1/nodes/transcode}: live transcode workers and who holds which format.
 */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    @Inject
    PlatformServices platform;

    /** The cluster's transcode state, as every node sees it (the records are replicated). */
    public record TranscodeView(List<WorkerLease> workers, List<Assignment> assignments) {}

    @GET
    public List<NodeInfo> nodes(@QueryParam("role") String role, @QueryParam("region") String region) {
        return platform.directory().nodes(role, region);
    }

    @GET
    @Path("transcode")
    public TranscodeView transcode() {
        return new TranscodeView(platform.assignments().liveWorkers(), platform.assignments().all());
    }
}
