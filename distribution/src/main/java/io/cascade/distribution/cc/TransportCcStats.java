// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.cc;

/**
 * A snapshot of one viewer transport's send-side congestion control, taken after each feedback.
 *
 * @param stamped       packets that left with a transport-wide sequence number
 * @param unstamped     packets sent without one (header too short, no room to grow)
 * @param feedback      transport-cc feedback packets read
 * @param malformed     feedback packets refused as a whole (short, bad chunk, deltas missing)
 * @param acknowledged  packets the feedback reported received that we remembered sending
 * @param lost          packets the feedback reported not received (of those we remembered)
 * @param unknown       packets reported received that we do not remember (too old, never sent)
 * @param estimateKbps  the delay-based estimate, A_hat
 * @param ackedKbps     the acknowledged bitrate, R_hat (0 until the first window ends)
 * @param signal        the detector's last signal: NORMAL, OVERUSE or UNDERUSE
 * @param decreases     over-use episodes that cut the estimate
 */
public record TransportCcStats(long stamped, long unstamped, long feedback, long malformed, long acknowledged,
                               long lost, long unknown, int estimateKbps, int ackedKbps, String signal,
                               long decreases) {
    static final TransportCcStats NONE = new TransportCcStats(0, 0, 0, 0, 0, 0, 0, 0, 0, "NORMAL", 0);
}
