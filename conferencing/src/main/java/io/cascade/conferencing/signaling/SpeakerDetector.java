// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The active speaker of a room from the levels members report ({@code room.level}: the page's
 * own microphone level, W3C webrtc-stats {@code media-source.audioLevel}, 0..1 linear). Each
 * member's level is smoothed (exponential, half the weight on the newest report); the loudest
 * member above {@link #SILENCE} becomes the speaker when it beats the current one by
 * {@link #MARGIN} or the current one fell silent, and not sooner than {@link #HOLD_MS} after the
 * last change, so that a cough does not flip the tiles. Reports older than {@link #STALE_MS}
 * count as silence. Time comes from the caller.
 */
final class SpeakerDetector {
    static final double SILENCE = 0.02;
    static final double MARGIN = 1.5;
    static final long HOLD_MS = 1000;
    static final long STALE_MS = 2000;

    private record Level(double smoothed, long atMs) {}

    private final Map<String, Level> levels = new HashMap<>();
    private String speaker;
    private long changedMs = Long.MIN_VALUE / 2;

    /** A member's report; returns the new speaker when it changed. */
    Optional<String> report(String user, double level, long nowMs) {
        Level before = levels.get(user);
        double smoothed = before == null ? level : (before.smoothed + level) / 2;
        levels.put(user, new Level(smoothed, nowMs));
        return decide(nowMs);
    }

    void forget(String user) {
        levels.remove(user);
        if (user.equals(speaker)) {
            speaker = null;
        }
    }

    Optional<String> speaker() {
        return Optional.ofNullable(speaker);
    }

    double level(String user) {
        Level l = levels.get(user);
        return l == null ? 0 : l.smoothed;
    }

    private Optional<String> decide(long nowMs) {
        String loudest = null;
        double best = SILENCE;
        for (Map.Entry<String, Level> e : levels.entrySet()) {
            double v = current(e.getValue(), nowMs);
            if (v > best) {
                best = v;
                loudest = e.getKey();
            }
        }
        if (loudest == null || loudest.equals(speaker) || nowMs - changedMs < HOLD_MS) {
            return Optional.empty();
        }
        double now = speaker == null ? 0 : current(levels.get(speaker), nowMs);
        if (now > SILENCE && best < now * MARGIN) {
            return Optional.empty();
        }
        speaker = loudest;
        changedMs = nowMs;
        return Optional.of(loudest);
    }

    private static double current(Level l, long nowMs) {
        return l == null || nowMs - l.atMs > STALE_MS ? 0 : l.smoothed;
    }
}
