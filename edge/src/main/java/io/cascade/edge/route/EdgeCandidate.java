// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.route;

import java.util.Objects;

/**
 * A node that can serve viewers.
 *
 * @param id     node id
 * @param region where it runs
 * @param load   0.0 idle .. 1.0 saturated
 * @param http   its HTTP base URL ({@code http://10.0.0.5:8080}), no trailing slash
 */
public record EdgeCandidate(String id, String region, double load, String http) {
    public EdgeCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(http, "http");
        http = http.endsWith("/") ? http.substring(0, http.length() - 1) : http;
    }
}
