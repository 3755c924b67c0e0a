// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** A video size in pixels. Compared by height (the ladder is 1080p, 720p, 360p, 180p). */
public record Resolution(int width, int height) {
    public static final Resolution P720 = new Resolution(1280, 720);

    public Resolution {
        Wire.range(width, "maxResolution.width", 16, 7680);
        Wire.range(height, "maxResolution.height", 16, 4320);
    }

    public static Resolution smaller(Resolution a, Resolution b) {
        if (a.height != b.height) {
            return a.height < b.height ? a : b;
        }
        return a.width <= b.width ? a : b;
    }
}
