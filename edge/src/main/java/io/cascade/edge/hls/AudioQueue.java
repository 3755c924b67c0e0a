// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.AudioFormat;
import io.cascade.edge.cmaf.FragmentSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Audio frames waiting for the video part they belong to (muxed renditions). A frame's duration is
 * the distance to the next frame's timestamp, so each frame is held until the next one arrives;
 * a gap longer than eight frames is not stretched over (the next part's {@code tfdt} restores the
 * timeline). Bounded: beyond {@code capacity} frames the oldest are dropped and counted.
 */
final class AudioQueue {
    /** A frame with its timestamp relative to the broadcast origin, in the audio timescale. */
    record Timed(long ticks, FragmentSample sample) {
    }

    private final AudioFormat format;
    private final int capacity;
    private final ArrayDeque<Timed> ready = new ArrayDeque<>();
    private long pendingTicks;
    private byte[] pending;
    private long dropped;

    AudioQueue(AudioFormat format, int capacity) {
        this.format = format;
        this.capacity = capacity;
    }

    /**
     * Adds a frame; returns the previous frame now that its duration is known, or null.
     * A frame whose timestamp does not increase is refused ({@code false} via {@link #accepts}).
     */
    Timed offer(long ticks, byte[] frame) {
        Timed done = null;
        if (pending != null) {
            long gap = ticks - pendingTicks;
            int nominal = format.frameDuration(pending);
            int duration = (int) Math.min(gap, 8L * nominal);
            done = new Timed(pendingTicks, new FragmentSample(duration, 0, true, pending));
        }
        pending = frame;
        pendingTicks = ticks;
        return done;
    }

    boolean accepts(long ticks) {
        return pending == null || ticks > pendingTicks;
    }

    /** The held last frame with its nominal duration (end of stream), or null. */
    Timed flush() {
        if (pending == null) {
            return null;
        }
        Timed t = new Timed(pendingTicks, new FragmentSample(format.frameDuration(pending), 0, true, pending));
        pending = null;
        return t;
    }

    /** Queues a finished frame for the next part; drops the oldest when full. */
    void queue(Timed t) {
        if (ready.size() == capacity) {
            ready.removeFirst();
            dropped++;
        }
        ready.addLast(t);
    }

    /** Takes the queued frames that start before {@code endTicks} (audio timescale). */
    List<Timed> takeBefore(long endTicks) {
        List<Timed> out = new ArrayList<>();
        while (!ready.isEmpty() && ready.peekFirst().ticks() < endTicks) {
            out.add(ready.removeFirst());
        }
        return out;
    }

    long dropped() {
        return dropped;
    }
}
