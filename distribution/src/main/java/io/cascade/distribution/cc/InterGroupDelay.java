// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * Packet groups and their delay variation (draft-ietf-rmcat-gcc-02 §5.2). Packets sent within
 * {@link #BURST_US} of a group's first one belong to it (a video frame leaves as such a burst);
 * so does a packet that arrived within {@link #BURST_US} of the group's last one and earlier
 * than its send time alone would put it (d &lt; 0: it was queued behind the group, and counting
 * it as its own group would read the queue draining as the path getting faster). For each two
 * consecutive groups the variation is
 * <pre>  d(i) = (t(i) - t(i-1)) - (T(i) - T(i-1))</pre>
 * with t the arrival and T the send time of each group's last packet. Packets are given in send
 * order (transport sequence order); one that was sent before the current group began is late
 * news and is ignored.
 */
final class InterGroupDelay {
    static final long BURST_US = 5_000;
    /** A variation beyond this is a clock jump or a stall, not queueing: start over. */
    static final long RESET_US = 3_000_000;

    private boolean inGroup;
    private long firstSendUs;
    private long lastSendUs;
    private long lastArrivalUs;
    private boolean previous;
    private long previousSendUs;
    private long previousArrivalUs;
    /** Output of the last {@link #onPacket} that completed a group. */
    private long variationUs;
    private long groupArrivalUs;
    private long resets;

    /**
     * One acknowledged packet.
     *
     * @return true when it closed a group and a variation is ready ({@link #variationUs},
     *     {@link #groupArrivalUs})
     */
    boolean onPacket(long sendUs, long arrivalUs) {
        if (!inGroup) {
            start(sendUs, arrivalUs);
            return false;
        }
        if (sendUs < firstSendUs) {
            return false;
        }
        if (sendUs - firstSendUs <= BURST_US || queuedBehind(sendUs, arrivalUs)) {
            lastSendUs = Math.max(lastSendUs, sendUs);
            lastArrivalUs = Math.max(lastArrivalUs, arrivalUs);
            return false;
        }
        boolean ready = false;
        if (previous) {
            long d = (lastArrivalUs - previousArrivalUs) - (lastSendUs - previousSendUs);
            if (Math.abs(d) > RESET_US || lastArrivalUs < previousArrivalUs - RESET_US) {
                resets++;
                previous = false;
                start(sendUs, arrivalUs);
                return false;
            }
            variationUs = d;
            groupArrivalUs = lastArrivalUs;
            ready = true;
        }
        previous = true;
        previousSendUs = lastSendUs;
        previousArrivalUs = lastArrivalUs;
        start(sendUs, arrivalUs);
        return ready;
    }

    private boolean queuedBehind(long sendUs, long arrivalUs) {
        long arrivalDelta = arrivalUs - lastArrivalUs;
        return arrivalDelta >= 0 && arrivalDelta < BURST_US && arrivalDelta - (sendUs - lastSendUs) < 0;
    }

    private void start(long sendUs, long arrivalUs) {
        inGroup = true;
        firstSendUs = sendUs;
        lastSendUs = sendUs;
        lastArrivalUs = arrivalUs;
    }

    long variationUs() {
        return variationUs;
    }

    long groupArrivalUs() {
        return groupArrivalUs;
    }

    long resets() {
        return resets;
    }
}
