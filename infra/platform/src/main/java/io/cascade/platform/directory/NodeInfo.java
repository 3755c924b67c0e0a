// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a node tells the cluster about itself.
 *
 * @param id        unique node id
 * @param roles     roles it plays (origin, mid, edge, sfu, signaling, turn, transcode, ...)
 * @param region    where it runs; viewers and downstream tiers prefer their own region
 * @param addresses named endpoints, e.g. {@code http -> http://10.0.0.5:8080}, {@code rtp -> 10.0.0.5:10000}
 * @param load      0.0 idle .. 1.0 saturated; used to rank nodes
 */
public record NodeInfo(String id, Set<String> roles, String region, Map<String, String> addresses, double load) {
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(region, "region");
        addresses = Map.copyOf(addresses);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("all");
    }

    /** This node with more roles and addresses. */
    public NodeInfo plus(Set<String> moreRoles, Map<String, String> moreAddresses) {
        var r = new java.util.HashSet<>(roles);
        r.addAll(moreRoles);
        var a = new java.util.HashMap<>(addresses);
        a.putAll(moreAddresses);
        return new NodeInfo(id, r, region, a, load);
    }

    public NodeInfo withLoad(double newLoad) {
        return new NodeInfo(id, roles, region, addresses, newLoad);
    }
}
