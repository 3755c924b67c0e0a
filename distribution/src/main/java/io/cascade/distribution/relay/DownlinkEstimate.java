// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * A subscriber's available downlink, from the loss it reports in RTCP receiver reports (RFC 3550
 * §6.4.1, fraction lost) with the loss-based rule of Google congestion control
 * (draft-ietf-rmcat-gcc-02 §6): above 10% loss the estimate drops by half the loss fraction,
 * below 2% it grows by 5%, in between it holds; at most one step per {@link #STEP_MS}. A cap the
 * subscriber declared (a room member's {@code room.bandwidth}) bounds it from above.
 *
 * <p>Why loss and not delay: the relay does not yet stamp transport-wide sequence numbers toward
 * viewers (their extension is blanked), so there is no per-packet arrival feedback to read;
 * receiver reports come from every viewer anyway. Time comes from the caller.
 */
final class DownlinkEstimate {
    static final int START_KBPS = 2500;
    static final int MIN_KBPS = 50;
    static final int MAX_KBPS = 20_000;
    static final long STEP_MS = 1000;

    private double kbps = START_KBPS;
    private long lastStepMs = Long.MIN_VALUE / 2;

    /** A receiver report's fraction lost, per mille. */
    void onLoss(int perMille, long nowMs) {
        if (nowMs - lastStepMs < STEP_MS) {
            return;
        }
        lastStepMs = nowMs;
        if (perMille > 100) {
            kbps *= 1 - perMille / 2000.0;
        } else if (perMille < 20) {
            kbps *= 1.05;
        }
        kbps = Math.max(MIN_KBPS, Math.min(MAX_KBPS, kbps));
    }

    /** The estimate, bounded by {@code capKbps} when that is positive. */
    int kbps(int capKbps) {
        int v = (int) kbps;
        return capKbps > 0 ? Math.min(v, capKbps) : v;
    }
}
