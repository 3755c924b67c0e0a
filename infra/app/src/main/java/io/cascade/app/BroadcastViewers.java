// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A broadcast's viewers on this node: secured WHEP sessions plus distinct HLS clients that
 * fetched one of its playlists within {@code cascade.playback.viewer-window}. A viewer that
 * switched from one to the other within the window counts in both; clients behind one NAT with
 * the same browser count once. Other edges count their own (no cluster-wide sum yet).
 */
@ApplicationScoped
public class BroadcastViewers {
    @Inject
    WebRtcService webRtc;

    @Inject
    PlaybackAccess playback;

    public long viewers(String broadcastId) {
        return (long) webRtc.whepViewers(broadcastId) + playback.hlsViewers(broadcastId);
    }
}
