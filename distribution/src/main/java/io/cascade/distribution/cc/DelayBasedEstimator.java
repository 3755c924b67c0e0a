// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * The delay-based estimate of one transport (draft-ietf-rmcat-gcc-02 §5): acknowledged packets,
 * in send order, go through {@link InterGroupDelay}, {@link TrendlineFilter} and
 * {@link OveruseDetector}; once per feedback, {@link #update} lets {@link AimdRateControl} act on
 * the strongest signal the feedback carried (over-use wins over normal and under-use, so a
 * short spike inside one feedback is not averaged away). The acknowledged bitrate comes from
 * {@link AckedBitrate}.
 */
final class DelayBasedEstimator {
    private final InterGroupDelay groups = new InterGroupDelay();
    private final TrendlineFilter trendline = new TrendlineFilter();
    private final OveruseDetector detector = new OveruseDetector();
    private final AckedBitrate acked = new AckedBitrate();
    private final AimdRateControl rate;
    private long resetsSeen;
    private OveruseDetector.Signal strongest = OveruseDetector.Signal.NORMAL;
    private boolean sawGroup;
    private double averageOctets = 1200;

    DelayBasedEstimator(double startKbps) {
        this.rate = new AimdRateControl(startKbps);
    }

    /** A packet sent at {@code sendUs} (our clock) arrived at {@code arrivalUs} (the viewer's). */
    void onPacket(long sendUs, long arrivalUs, int octets) {
        acked.onReceived(arrivalUs, octets);
        averageOctets = 0.95 * averageOctets + 0.05 * octets;
        boolean ready = groups.onPacket(sendUs, arrivalUs);
        if (groups.resets() != resetsSeen) {
            resetsSeen = groups.resets();
            trendline.reset();
            detector.reset();
        }
        if (!ready) {
            return;
        }
        double m = trendline.update(groups.groupArrivalUs(), groups.variationUs());
        OveruseDetector.Signal s = detector.detect(m, groups.groupArrivalUs());
        sawGroup = true;
        if (s == OveruseDetector.Signal.OVERUSE || (s == OveruseDetector.Signal.UNDERUSE && strongest == OveruseDetector.Signal.NORMAL)) {
            strongest = s;
        } else if (strongest == OveruseDetector.Signal.NORMAL) {
            strongest = s;
        }
    }

    /**
     * The end of one feedback: the rate controller acts at {@code nowUs} (our clock).
     *
     * @param senderLimited whether we send this viewer less than we could (see {@link AimdRateControl})
     * @return A_hat, kbps
     */
    double update(boolean senderLimited, long nowUs) {
        OveruseDetector.Signal s = sawGroup ? strongest : detector.signal();
        strongest = OveruseDetector.Signal.NORMAL;
        sawGroup = false;
        return rate.update(s, acked.kbps(), averageOctets, senderLimited, nowUs);
    }

    double kbps() {
        return rate.kbps();
    }

    int ackedKbps() {
        return acked.kbps();
    }

    OveruseDetector.Signal signal() {
        return detector.signal();
    }

    double trend() {
        return trendline.trend();
    }

    double threshold() {
        return detector.threshold();
    }

    long decreases() {
        return rate.decreases();
    }
}
