// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * A subscriber's available downlink, from two signals, the lower of which counts:
 * <ul>
 *   <li>loss, as every subscriber reports it in RTCP receiver reports (RFC 3550 §6.4.1, fraction
 *       lost), with the loss-based rule of Google congestion control (draft-ietf-rmcat-gcc-02
 *       §6): above 10% loss the estimate drops by half the loss fraction, below 2% it grows by
 *       5%, in between it holds; at most one step per {@link #STEP_MS};</li>
 *   <li>delay, where the subscriber is a WebRTC viewer that negotiated transport-wide CC: the
 *       relay stamps a transport-wide sequence number into every packet to it, and its feedback
 *       drives a delay-based estimate (§5; see io.cascade.distribution.cc.TransportCcSender),
 *       which the {@link MediaLink} reports ({@link MediaLink#delayBasedKbps}). It sees queues
 *       build before they overflow, so the layer comes down before the viewer loses packets.
 *       Without feedback lately (not negotiated, a plain RTP hop, feedback lost) it is 0 and the
 *       loss rule alone decides.</li>
 * </ul>
 * A cap the subscriber declared (a room member's {@code room.bandwidth}) bounds both from above.
 * Time comes from the caller.
 */
final class DownlinkEstimate {
    static final int START_KBPS = 2500;
    static final int MIN_KBPS = 50;
    static final int MAX_KBPS = 20_000;
    static final long STEP_MS = 1000;

    private double kbps = START_KBPS;
    private long lastStepMs = Long.MIN_VALUE / 2;

    /** Starts from {@code startKbps} instead of {@link #START_KBPS} (a hint the subscriber gave), when positive. */
    void start(int startKbps) {
        if (startKbps > 0) {
            kbps = Math.max(MIN_KBPS, Math.min(MAX_KBPS, startKbps));
        }
    }

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

    /** The loss-based estimate, bounded by {@code capKbps} when that is positive. */
    int kbps(int capKbps) {
        return kbps(capKbps, 0);
    }

    /** The lower of the loss-based estimate and {@code delayKbps} (when positive), bounded by a positive {@code capKbps}. */
    int kbps(int capKbps, int delayKbps) {
        int v = (int) kbps;
        if (delayKbps > 0) {
            v = Math.min(v, delayKbps);
        }
        return capKbps > 0 ? Math.min(v, capKbps) : v;
    }
}
