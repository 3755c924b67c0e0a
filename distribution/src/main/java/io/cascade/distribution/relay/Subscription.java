// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A subscriber as the relay set it up.
 *
 * @param id           handle for removing it
 * @param stream       the stream
 * @param mediaAddress the relay socket the media comes from; the subscriber sends its RTCP here
 * @param tracks       the tracks in the subscriber's own space: its SSRCs (and RTX SSRCs), payload types, clock rates
 * @param layers       for a subscriber of every layer ({@link RelayNode#subscribeAllLayers}) of a layered
 *                     stream, the stream's layout, one per track (group and layer by track index); else null
 */
public record Subscription(long id, StreamName stream, InetSocketAddress mediaAddress, List<TrackSpec> tracks,
                           List<LayerSpec> layers) {
    /** A subscription whose answer describes no layers. */
    public Subscription(long id, StreamName stream, InetSocketAddress mediaAddress, List<TrackSpec> tracks) {
        this(id, stream, mediaAddress, tracks, null);
    }
}
