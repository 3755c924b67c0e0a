// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * The rate at which the viewer received what we sent, R_hat of draft-ietf-rmcat-gcc-02 §5.5,
 * from the octets of packets its feedback acknowledged, over windows of {@link #WINDOW_US} of
 * the viewer's arrival time. A new value is ready at the end of each window; a gap of more than
 * {@link #STALE_US} between acknowledged packets starts over (the window would span silence).
 */
final class AckedBitrate {
    static final long WINDOW_US = 500_000;
    static final long STALE_US = 2_000_000;

    private long windowStartUs = Long.MIN_VALUE;
    private long lastArrivalUs;
    private long octets;
    private int kbps;

    /** A packet of {@code size} octets arrived at {@code arrivalUs} (the viewer's clock). */
    void onReceived(long arrivalUs, int size) {
        if (windowStartUs == Long.MIN_VALUE || arrivalUs - lastArrivalUs > STALE_US || windowStartUs - arrivalUs > STALE_US) {
            windowStartUs = arrivalUs;
            octets = 0;
        }
        lastArrivalUs = Math.max(lastArrivalUs, arrivalUs);
        octets += size;
        long span = arrivalUs - windowStartUs;
        if (span >= WINDOW_US) {
            kbps = (int) Math.min(Integer.MAX_VALUE, octets * 8_000 / span);
            windowStartUs = arrivalUs;
            octets = 0;
        }
    }

    /** The last complete window's rate, kbps; 0 before the first. */
    int kbps() {
        return kbps;
    }
}
