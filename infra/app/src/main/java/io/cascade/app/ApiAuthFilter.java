// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.config.CascadeConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /api/*} requires {@code Authorization: Bearer <token>}; in local mode the token is
 * {@code cascade.api.dev-token} ("dev"). Compared in constant time. Production swaps in JWT.
 */
@jakarta.ws.rs.ext.Provider
public class ApiAuthFilter implements ContainerRequestFilter {
    /** A provider: RESTEasy builds filters during static init, before runtime config exists. */
    @Inject
    Provider<CascadeConfig> config;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api/") || "OPTIONS".equals(ctx.getMethod())) {
            return;
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] expected = ("Bearer " + config.get().api().devToken()).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            ctx.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON)
                    .entity("{\"error\":\"missing or wrong bearer token\"}")
                    .build());
        }
    }
}
