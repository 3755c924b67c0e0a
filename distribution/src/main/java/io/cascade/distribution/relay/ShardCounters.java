// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/** What one shard saw and dropped. Written by the shard thread only; read for stats. */
final class ShardCounters {
    long rtpIn;
    long rtcpIn;
    long forwarded;
    long notRtp;
    long malformedRtp;
    long malformedRtcp;
    long unknownSsrc;
    long wrongSource;
    long duplicates;
    long nacksSent;
    long nackMisses;
    long retransmitted;
    long keyframeRequestsSent;
    long subscribersTimedOut;
    long errors;
    long secureDropped;
    long paddingProbes;
    /** SSRCs bound to simulcast layers from their rid (not in the snapshot yet). */
    long ssrcsLearned;
    /** Subscribers' layer targets changed. */
    long layerSwitches;
    /** UDP GSO: runs of two or more datagrams sent as one (not in the snapshot; see UdpStats). */
    long segmentedRuns;
    /** The forwarded datagrams that left in those runs. */
    long segmentedPackets;
    /** Sender reports from sources (not in the snapshot yet). */
    long senderReportsIn;
    /** SRs sent to subscribers that carried a source's NTP timestamp, translated (not in the snapshot yet). */
    long senderReportsTranslated;

    RelayCounters snapshot() {
        return new RelayCounters(rtpIn, rtcpIn, forwarded, notRtp, malformedRtp, malformedRtcp, unknownSsrc,
                wrongSource, duplicates, nacksSent, nackMisses, retransmitted, keyframeRequestsSent,
                subscribersTimedOut, errors, secureDropped, paddingProbes);
    }
}
