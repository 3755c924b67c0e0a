// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.route;

/**
 * One ranked edge for one broadcast, with where to play it there.
 *
 * @param node        node id
 * @param region      the node's region
 * @param load        its load
 * @param sameRegion  whether it is in the viewer's region
 * @param hls         its multivariant playlist URL
 * @param whep        its WHEP endpoint
 */
public record EdgeRoute(String node, String region, double load, boolean sameRegion, String hls, String whep) {}
