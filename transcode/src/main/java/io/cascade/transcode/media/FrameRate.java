// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

/** A nominal frame rate as a fraction ({@code 30000/1001}); sizes GOPs in frames and tells x264 the rate. */
public record FrameRate(int num, int den) {

    public FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, got " + num + "/" + den);
        }
        if ((double) num / den > 240) {
            throw new IllegalArgumentException("frame rate above 240 fps: " + num + "/" + den);
        }
    }

    public static FrameRate of(int fps) {
        return new FrameRate(fps, 1);
    }

    public double fps() {
        return (double) num / den;
    }

    /** Duration of one frame in microseconds, rounded. */
    public long frameMicros() {
        return Math.round(1_000_000.0 * den / num);
    }

    /** Frames in {@code micros} at this rate, rounded, at least 1. */
    public int framesIn(long micros) {
        return (int) Math.max(1, Math.round(micros * fps() / 1_000_000.0));
    }

    @Override
    public String toString() {
        return den == 1 ? num + " fps" : num + "/" + den + " fps";
    }
}
