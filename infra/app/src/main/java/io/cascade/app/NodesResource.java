// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.directory.NodeInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/nodes[?role=edge&region=eu]}: live nodes from the directory, least loaded first. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    @Inject
    PlatformServices platform;

    @GET
    public List<NodeInfo> nodes(@QueryParam("role") String role, @QueryParam("region") String region) {
        return platform.directory().nodes(role, region);
    }
}
