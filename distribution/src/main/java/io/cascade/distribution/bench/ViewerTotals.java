// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

/**
 * Counts summed over viewers at one instant ({@link WhepViewer#addTo}); subtract two snapshots
 * ({@link #minus}) for what happened between them. Mutable while it is being summed, on one
 * thread at a time; read only after.
 */
final class ViewerTotals {
    int viewers;
    int secure;
    int failed;
    long mediaDatagrams;
    long mediaOctets;
    long early;
    long srtpFailed;
    long unknownSsrc;
    long rtcpIn;
    long reportsSent;
    long rtpReceived;
    long rtpExpected;

    void add(ViewerTotals o) {
        viewers += o.viewers;
        secure += o.secure;
        failed += o.failed;
        mediaDatagrams += o.mediaDatagrams;
        mediaOctets += o.mediaOctets;
        early += o.early;
        srtpFailed += o.srtpFailed;
        unknownSsrc += o.unknownSsrc;
        rtcpIn += o.rtcpIn;
        reportsSent += o.reportsSent;
        rtpReceived += o.rtpReceived;
        rtpExpected += o.rtpExpected;
    }

    /** The counts of {@code this} less those of an earlier snapshot; viewer counts are this one's. */
    ViewerTotals minus(ViewerTotals earlier) {
        ViewerTotals d = new ViewerTotals();
        d.viewers = viewers;
        d.secure = secure;
        d.failed = failed;
        d.mediaDatagrams = mediaDatagrams - earlier.mediaDatagrams;
        d.mediaOctets = mediaOctets - earlier.mediaOctets;
        d.early = early - earlier.early;
        d.srtpFailed = srtpFailed - earlier.srtpFailed;
        d.unknownSsrc = unknownSsrc - earlier.unknownSsrc;
        d.rtcpIn = rtcpIn - earlier.rtcpIn;
        d.reportsSent = reportsSent - earlier.reportsSent;
        d.rtpReceived = rtpReceived - earlier.rtpReceived;
        d.rtpExpected = rtpExpected - earlier.rtpExpected;
        return d;
    }

    /** Packets missing from the sequence space, never below zero. */
    long lost() {
        return Math.max(0, rtpExpected - rtpReceived);
    }

    /** Lost over expected, in percent; 0 when nothing was expected. */
    double lossPercent() {
        return rtpExpected <= 0 ? 0 : 100.0 * lost() / rtpExpected;
    }
}
