// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.AacFormat;
import io.cascade.edge.cmaf.AudioSample;
import io.cascade.edge.cmaf.VideoSample;
import io.cascade.edge.cmaf.VideoTrack;
import io.cascade.edge.cmaf.Vectors;
import io.cascade.platform.time.ManualClock;
import java.time.Instant;

/**
 * A synthetic source with exact timing: video frames of {@code frameTicks} (90 kHz) with a
 * keyframe every {@code gop} frames, and AAC frames of 1024 samples at 48 kHz, pushed in time
 * order. Payloads are small fakes: these tests look at cuts and playlists, not at pictures.
 */
final class Synthetic {
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    static final VideoTrack VIDEO = Vectors.video640x360();
    static final AacFormat AAC = AacFormat.lc(48_000, 2);

    private final HlsRendition rendition;
    private final int frameTicks;
    private final int gop;
    private final long dtsBase;
    private long frame;
    private long audioFrame;
    private int payload = 100;

    Synthetic(HlsRendition rendition, int frameTicks, int gop, long dtsBase) {
        this.rendition = rendition;
        this.frameTicks = frameTicks;
        this.gop = gop;
        this.dtsBase = dtsBase;
    }

    static ManualClock clock() {
        return new ManualClock(START);
    }

    Synthetic payloadBytes(int n) {
        payload = n;
        return this;
    }

    /** Pushes {@code n} video frames, with the audio frames that start before each one when muxed. */
    Synthetic frames(long n) {
        for (long i = 0; i < n; i++) {
            long dts = dtsBase + frame * frameTicks;
            if (rendition.tracks().hasAudio()) {
                audioUntil(dts);
            }
            rendition.video(new VideoSample(dts, 0, frame % gop == 0, new byte[payload]));
            frame++;
        }
        return this;
    }

    /** Pushes video frames until {@code seconds} of media have been pushed. */
    Synthetic seconds(double seconds) {
        return frames(Math.round(seconds * 90_000 / frameTicks) - frame);
    }

    /** Skips {@code n} frames of time without pushing them (a gap in the source). */
    Synthetic gap(long n) {
        frame += n;
        return this;
    }

    /** Audio only: pushes AAC frames until {@code seconds}. */
    Synthetic audioSeconds(double seconds) {
        audioUntil(dtsBase + Math.round(seconds * 90_000));
        return this;
    }

    private void audioUntil(long dts90k) {
        while (true) {
            long pts = Math.floorDiv(dtsBase * 48_000, 90_000) + audioFrame * 1024;
            if (pts * 90_000 / 48_000 > dts90k) {
                return;
            }
            rendition.audio(new AudioSample(pts, new byte[20]));
            audioFrame++;
        }
    }

    long framesPushed() {
        return frame;
    }
}
