// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.media.Bitrate;
import java.util.Objects;

/**
 * One rung of the ladder as configured: a target height (width follows the source's aspect ratio),
 * x264 rate control (average bit rate, VBV max rate and buffer: CBR-like when maxrate equals the
 * bit rate) and profile.
 */
public record Rendition(String name, int height, Bitrate bitrate, Bitrate maxrate, Bitrate bufsize,
        H264Profile profile) {

    /** x264 needs macroblock-sized pictures at least; 4:2:0 needs even dimensions. */
    static final int MIN_HEIGHT = 16;

    public Rendition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bitrate, "bitrate");
        Objects.requireNonNull(maxrate, "maxrate");
        Objects.requireNonNull(bufsize, "bufsize");
        Objects.requireNonNull(profile, "profile");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("rendition name must be [A-Za-z0-9_.-]+, got '" + name + "'");
        }
        if (height < MIN_HEIGHT || height > 4320 || height % 2 != 0) {
            throw new IllegalArgumentException(name + ": height must be even and 16..4320, got " + height);
        }
        if (maxrate.bitsPerSecond() < bitrate.bitsPerSecond()) {
            throw new IllegalArgumentException(name + ": maxrate " + maxrate + " below bitrate " + bitrate);
        }
    }

    /** A rendition with maxrate = bitrate and a 2-second VBV buffer (one GOP at the default interval). */
    public static Rendition of(String name, int height, Bitrate bitrate, H264Profile profile) {
        return new Rendition(name, height, bitrate, bitrate, bitrate.times(2), profile);
    }
}
