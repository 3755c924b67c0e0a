// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A plain RTP subscriber of a {@link LayeredPublisher}'s stream: records every RTP packet it gets
 * (whatever its SSRC) with the layer and picture its payload names. The fraction lost it reports
 * is set by the test: the relay's loss-based estimate of this subscriber, and so its layer,
 * follows that (DownlinkEstimate).
 */
final class LayerSubscriber extends PolledSubscriber<LayerSubscriber.Received> {
    record Received(int ssrc, int seq, int layer, int picture, boolean keyframe) {}

    LayerSubscriber() throws IOException {
        super();
    }

    @Override
    Received parse(ByteBuffer in) {
        return in.limit() < 16 ? null : new Received(in.getInt(8), in.getShort(2) & 0xFFFF, in.get(13),
                in.getShort(14) & 0xFFFF, (in.get(12) & 0x1F) == 5);
    }

    /** The layer of the last packet, or -1. */
    int lastLayer() {
        synchronized (received) {
            return received.isEmpty() ? -1 : received.getLast().layer();
        }
    }
}
