// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * The rate controller of draft-ietf-rmcat-gcc-02 §5.5: a state machine driven by the detector's
 * signal (over-use: decrease; normal: hold, then increase; under-use: hold, the queues drain)
 * and an estimate A_hat that
 * <ul>
 *   <li>on decrease becomes {@link #BETA} x R_hat, the rate the viewer acknowledged (so one
 *       decrease lands just below what the path carried), and the state goes to hold;</li>
 *   <li>on increase grows by {@link #ETA_PER_S} per second (multiplicative) while far from the
 *       rate of the last decreases, and by half an average packet per response time (additive)
 *       when near it: within three standard deviations of the average R_hat at decreases;</li>
 *   <li>never grows past {@link #ACKED_BOUND} x R_hat, the draft's bound for a sender that
 *       cannot fill the estimate, except while the caller says it holds the viewer below what
 *       it could send ({@link #update}'s {@code senderLimited}): an SFU's rate is set by the
 *       simulcast layer it picks from this very estimate, and with the bound the viewer would
 *       never be offered the next layer. Going up a layer is then the probe: if the path cannot
 *       carry it, delay grows and the next decrease is from the rate that was acknowledged.</li>
 * </ul>
 * The response time is {@link #RESPONSE_US} (100 ms plus an assumed RTT; the relay does not
 * measure RTT toward viewers yet).
 */
final class AimdRateControl {
    enum State { HOLD, INCREASE, DECREASE }

    static final double BETA = 0.85;
    static final double ETA_PER_S = 1.08;
    static final double ACKED_BOUND = 1.5;
    static final long RESPONSE_US = 200_000;
    static final double MIN_KBPS = 50;
    static final double MAX_KBPS = 20_000;
    /** Weight of a new R_hat at decrease in the average max rate and its variance. */
    static final double AVG_WEIGHT = 0.05;

    private double kbps;
    private State state = State.HOLD;
    private OveruseDetector.Signal lastSignal = OveruseDetector.Signal.NORMAL;
    private long lastUs = Long.MIN_VALUE;
    private double avgMaxKbps = -1;
    private double varMax = 0.4;
    private long decreases;

    AimdRateControl(double startKbps) {
        this.kbps = startKbps;
    }

    /**
     * One update per feedback.
     *
     * @param ackedKbps     R_hat, or 0 while unknown
     * @param packetOctets  the average size of packets acknowledged lately
     * @param senderLimited whether the relay sends this viewer less than it could (a lower layer)
     */
    double update(OveruseDetector.Signal signal, int ackedKbps, double packetOctets, boolean senderLimited, long nowUs) {
        long dtUs = lastUs == Long.MIN_VALUE ? 0 : Math.min(Math.max(nowUs - lastUs, 0), 1_000_000);
        lastUs = nowUs;
        boolean episode = signal == OveruseDetector.Signal.OVERUSE && lastSignal != OveruseDetector.Signal.OVERUSE;
        lastSignal = signal;
        state = switch (signal) {
            case OVERUSE -> State.DECREASE;
            case UNDERUSE -> State.HOLD;
            case NORMAL -> state == State.DECREASE ? State.HOLD : State.INCREASE;
        };
        if (avgMaxKbps > 0 && ackedKbps > avgMaxKbps + 3 * Math.sqrt(varMax * avgMaxKbps)) {
            avgMaxKbps = -1; // the path carries more than it did: far from convergence again
        }
        switch (state) {
            case INCREASE -> increase(dtUs, ackedKbps, packetOctets, senderLimited);
            case DECREASE -> decrease(ackedKbps, episode);
            case HOLD -> { }
        }
        kbps = Math.max(MIN_KBPS, Math.min(MAX_KBPS, kbps));
        return kbps;
    }

    private void increase(long dtUs, int ackedKbps, double packetOctets, boolean senderLimited) {
        double next;
        if (nearConvergence()) {
            double alpha = 0.5 * Math.min((double) dtUs / RESPONSE_US, 1.0);
            next = kbps + Math.max(1.0, alpha * packetOctets * 8 / 1000.0);
        } else {
            next = kbps * Math.pow(ETA_PER_S, dtUs / 1e6);
        }
        if (ackedKbps > 0 && !senderLimited) {
            next = Math.min(next, Math.max(kbps, ACKED_BOUND * ackedKbps)); // stops growth, never cuts
        }
        kbps = next;
    }

    /** {@code episode}: the first decrease of an over-use episode, which alone updates the average max. */
    private void decrease(int ackedKbps, boolean episode) {
        if (ackedKbps > 0) {
            kbps = Math.min(kbps, BETA * ackedKbps);
            if (!episode) {
                // the same over-use still: R_hat lags, the estimate already went down from it
            } else if (avgMaxKbps < 0) {
                avgMaxKbps = ackedKbps;
            } else {
                double error = ackedKbps - avgMaxKbps;
                avgMaxKbps += AVG_WEIGHT * error;
                varMax = (1 - AVG_WEIGHT) * varMax + AVG_WEIGHT * error * error / Math.max(1.0, avgMaxKbps);
                varMax = Math.max(0.4, Math.min(2.5, varMax));
            }
        } else if (episode) {
            kbps *= BETA;
        }
        if (episode) {
            decreases++;
        }
        state = State.HOLD;
    }

    private boolean nearConvergence() {
        return avgMaxKbps > 0 && Math.abs(kbps - avgMaxKbps) <= 3 * Math.sqrt(varMax * avgMaxKbps);
    }

    double kbps() {
        return kbps;
    }

    State state() {
        return state;
    }

    long decreases() {
        return decreases;
    }
}
