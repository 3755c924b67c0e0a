// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.Objects;

/**
 * The H.264 track of a rendition. Its timescale is always {@link #TIMESCALE} (90 kHz).
 *
 * @param config parameter sets
 * @param width display width in pixels (for {@code tkhd}, {@code avc1} and RESOLUTION)
 * @param height display height in pixels
 * @param frameRate nominal frames per second for FRAME-RATE, or 0 when unknown
 */
public record VideoTrack(AvcDecoderConfig config, int width, int height, double frameRate) {
    public static final int TIMESCALE = 90_000;

    public VideoTrack {
        Objects.requireNonNull(config, "config");
        if (width < 1 || width > 0xFFFF || height < 1 || height > 0xFFFF) {
            throw new CmafFormatException("video.size", width + "x" + height);
        }
        if (!(frameRate >= 0 && frameRate <= 1000)) {
            throw new CmafFormatException("video.frameRate", String.valueOf(frameRate));
        }
    }
}
