// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

/**
 * Decides, once per decoded frame, whether every rendition encodes that frame as an IDR. Being the
 * only source of IDR decisions is what keeps renditions aligned: each encoder sees the same frames
 * with the same flags (x264's own scene-cut detection is off).
 *
 * <p>A frame is an IDR when it is
 * <ol>
 * <li>the first frame, or its PTS went backwards (a timeline the input manager should never send,
 *     restarted cleanly rather than trusted);</li>
 * <li>at or after a forced point: {@link #forceAt} anchors a request to the PTS of the next packet
 *     the input manager submits, so the IDR lands on the first picture of the new program even when
 *     the decoder holds frames back; requests before that frame collapse into one;</li>
 * <li>one interval after the previous IDR (half a frame of tolerance, for PTS rounded by the
 *     source's time base): the GOP restarts at a forced IDR, as x264's own counter does;</li>
 * <li>{@code maxFrames} frames after the previous IDR, whatever the timestamps say. This is x264's
 *     {@code keyint}: deciding it here first means x264 never inserts an IDR of its own in one
 *     rendition and not another (a rendition that dropped frames counts fewer).</li>
 * </ol>
 * Single-threaded: called from the decoding thread only.
 */
final class KeyframeScheduler {

    private static final long NONE = Long.MIN_VALUE;

    private final long intervalMicros;
    private final int maxFrames;
    private final long toleranceMicros;
    private long lastKeyPts = NONE;
    private int framesSinceKey;
    private long forcePts = NONE;

    KeyframeScheduler(long intervalMicros, int maxFrames, long frameMicros) {
        if (intervalMicros <= 0 || maxFrames <= 0 || frameMicros <= 0) {
            throw new IllegalArgumentException("interval, frames and frame duration must be positive");
        }
        this.intervalMicros = intervalMicros;
        this.maxFrames = maxFrames;
        this.toleranceMicros = frameMicros / 2;
    }

    /** The first frame presented at or after {@code ptsMicros} becomes an IDR. */
    void forceAt(long ptsMicros) {
        if (forcePts == NONE || ptsMicros < forcePts) {
            forcePts = ptsMicros;
        }
    }

    /** Whether the frame at {@code ptsMicros} (the next frame in presentation order) is an IDR. */
    boolean isKeyframe(long ptsMicros) {
        boolean key = lastKeyPts == NONE
                || ptsMicros < lastKeyPts
                || (forcePts != NONE && ptsMicros >= forcePts)
                || ptsMicros - lastKeyPts >= intervalMicros - toleranceMicros
                || framesSinceKey + 1 >= maxFrames;
        if (key) {
            lastKeyPts = ptsMicros;
            framesSinceKey = 0;
            if (forcePts != NONE && ptsMicros >= forcePts) {
                forcePts = NONE;
            }
        } else {
            framesSinceKey++;
        }
        return key;
    }
}
