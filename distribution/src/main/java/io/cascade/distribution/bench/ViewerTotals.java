// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

/**
 * Counts summed over synthetic peers (viewers, and publishers' send side) at one instant ({@link WhepViewer#addTo}); subtract two snapshots
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
    /** Video packets received per simulcast layer (tagged by a {@link SimulcastPublisher}). */
    final long[] layerPackets = new long[SimulcastPublisher.LAYERS];
    /** Viewers by the layer of the last tagged video packet they received (a count now, not a delta). */
    final int[] onLayer = new int[SimulcastPublisher.LAYERS];
    /** Publishers: secured ones, RTP packets and SRTP octets sent, keyframes sent, PLIs and NACKs received. */
    int publishers;
    long rtpSent;
    long octetsSent;
    long keyframesSent;
    long plisIn;
    long nacksIn;
    /** Publishers: frames not sent because their thread fell behind by more than a frame interval. */
    long framesLate;

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
        for (int l = 0; l < layerPackets.length; l++) {
            layerPackets[l] += o.layerPackets[l];
            onLayer[l] += o.onLayer[l];
        }
        publishers += o.publishers;
        rtpSent += o.rtpSent;
        octetsSent += o.octetsSent;
        keyframesSent += o.keyframesSent;
        plisIn += o.plisIn;
        nacksIn += o.nacksIn;
        framesLate += o.framesLate;
    }

    /** The counts of {@code this} less those of an earlier snapshot; peer counts are this one's. */
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
        for (int l = 0; l < layerPackets.length; l++) {
            d.layerPackets[l] = layerPackets[l] - earlier.layerPackets[l];
            d.onLayer[l] = onLayer[l];
        }
        d.publishers = publishers;
        d.rtpSent = rtpSent - earlier.rtpSent;
        d.octetsSent = octetsSent - earlier.octetsSent;
        d.keyframesSent = keyframesSent - earlier.keyframesSent;
        d.plisIn = plisIn - earlier.plisIn;
        d.nacksIn = nacksIn - earlier.nacksIn;
        d.framesLate = framesLate - earlier.framesLate;
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
