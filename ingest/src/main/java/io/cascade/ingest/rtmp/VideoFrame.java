// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * One H.264 access unit from an FLV AVC NALU packet (FLV spec v10.1 §E.4.3.1).
 *
 * @param dtsMs               decode timestamp in milliseconds, the 32-bit RTMP timestamp
 *                            extended across wraparound (it starts wherever the publisher's
 *                            clock starts)
 * @param compositionOffsetMs pts - dts in milliseconds (signed 24-bit CompositionTime)
 * @param keyframe            whether the FLV frame type says key frame
 * @param avcc                the NAL units in AVCC layout (each prefixed by its length in the
 *                            size the configuration record gives, 4 bytes from FFmpeg and OBS);
 *                            a copy the sink may keep
 */
public record VideoFrame(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc) {

    /** Presentation timestamp in milliseconds. */
    public long ptsMs() {
        return dtsMs + compositionOffsetMs;
    }
}
