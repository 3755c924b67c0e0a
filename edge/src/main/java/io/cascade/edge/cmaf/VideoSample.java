// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.Objects;

/**
 * One H.264 access unit, already depacketized.
 *
 * @param dts decode timestamp, 90 kHz; all samples of a broadcast share one origin with the audio
 * @param compositionOffset pts - dts in 90 kHz ticks (0 without B-frames; may be negative)
 * @param keyframe whether the access unit is an IDR (a sync sample)
 * @param avcc NAL units, each prefixed by its 4-byte big-endian length (ISO/IEC 14496-15 §5.3.2)
 */
public record VideoSample(long dts, int compositionOffset, boolean keyframe, byte[] avcc) {
    public VideoSample {
        Objects.requireNonNull(avcc, "avcc");
    }
}
