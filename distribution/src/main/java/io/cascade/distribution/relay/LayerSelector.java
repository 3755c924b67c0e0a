// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * Picks a subscriber's simulcast layer: the highest active layer whose measured bitrate fits the
 * subscriber's estimate, else the lowest active one (a viewer gets something rather than
 * nothing). A layer is active when its packets arrived within {@link #ACTIVE_MS}: browsers stop
 * sending layers when their own uplink or CPU is short. Layers are given lowest first.
 */
final class LayerSelector {
    static final long ACTIVE_MS = 1500;

    private LayerSelector() {}

    /**
     * @param layerKbps   measured bitrate per layer, lowest layer first
     * @param lastPacketMs when each layer last had a packet (0: never)
     * @return the chosen layer's position in the arrays, or -1 when none is active
     */
    static int choose(int[] layerKbps, long[] lastPacketMs, int estimateKbps, long nowMs) {
        int lowest = -1;
        int best = -1;
        for (int i = 0; i < layerKbps.length; i++) {
            if (lastPacketMs[i] == 0 || nowMs - lastPacketMs[i] > ACTIVE_MS) {
                continue;
            }
            if (lowest < 0) {
                lowest = i;
            }
            if (layerKbps[i] <= estimateKbps) {
                best = i;
            }
        }
        return best >= 0 ? best : lowest;
    }

    /** The highest active layer's position, or -1 when none is active. */
    static int highestActive(long[] lastPacketMs, long nowMs) {
        for (int i = lastPacketMs.length - 1; i >= 0; i--) {
            if (lastPacketMs[i] != 0 && nowMs - lastPacketMs[i] <= ACTIVE_MS) {
                return i;
            }
        }
        return -1;
    }
}
