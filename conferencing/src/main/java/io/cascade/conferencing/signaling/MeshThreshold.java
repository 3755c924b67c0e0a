// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.Collection;

/**
 * How many members a room keeps in mesh mode. In a mesh every page uploads its camera once per
 * other member, so the member with the smallest uplink bounds the room:
 *
 * <pre>
 *   threshold = clamp(1 + floor(minUplinkKbps / streamKbps), 2, max)
 * </pre>
 *
 * over the members that reported an uplink; with no report it is {@code max}. The defaults,
 * {@code max = 4} and {@code streamKbps = 600} (a 360p-ish camera stream a browser sustains
 * comfortably), keep a 4-person room in mesh on any uplink of 1.8 Mbps or more. A room of
 * {@code members <= threshold} is mesh, above it SFU; the same rule brings it back to mesh when
 * it shrinks (no hysteresis: a change costs a renegotiation, not a rejoin).
 */
public record MeshThreshold(int max, int streamKbps) {
    public static final MeshThreshold DEFAULT = new MeshThreshold(4, 600);

    public MeshThreshold {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2: " + max);
        }
        if (streamKbps <= 0) {
            throw new IllegalArgumentException("streamKbps must be positive: " + streamKbps);
        }
    }

    /** The threshold for these uplink reports (kbps; null entries: not reported). */
    public int of(Collection<Integer> uplinksKbps) {
        int min = Integer.MAX_VALUE;
        for (Integer kbps : uplinksKbps) {
            if (kbps != null) {
                min = Math.min(min, kbps);
            }
        }
        if (min == Integer.MAX_VALUE) {
            return max;
        }
        return Math.max(2, Math.min(max, 1 + min / streamKbps));
    }

    public RoomMode mode(int members, int threshold) {
        return members <= threshold ? RoomMode.MESH : RoomMode.SFU;
    }
}
