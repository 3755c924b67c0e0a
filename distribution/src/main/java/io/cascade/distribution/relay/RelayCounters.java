// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * Counters of a relay node (summed over shards), monotonic since start.
 *
 * @param rtpIn                RTP packets received
 * @param rtcpIn               RTCP compounds received
 * @param forwarded            RTP packets sent to subscribers (fan-out copies, retransmissions excluded)
 * @param notRtp               datagrams that were neither RTP nor RTCP (version bits not 2): dropped
 * @param malformedRtp         RTP that failed validation: dropped
 * @param malformedRtcp        RTCP compounds with a framing error (packets before it were used)
 * @param unknownSsrc          RTP from an SSRC no stream has registered: dropped
 * @param wrongSource          RTP with a registered SSRC from another address: dropped
 * @param duplicates           RTP already seen (cached): dropped
 * @param nacksSent            sequence numbers requested upstream
 * @param nackMisses           NACKed packets no longer in the cache
 * @param retransmitted        packets resent to subscribers after a NACK
 * @param keyframeRequestsSent PLIs sent upstream (after aggregation and throttling)
 * @param subscribersTimedOut  subscribers dropped for sending no RTCP
 * @param errors               unexpected exceptions on the packet path (a bug if not 0)
 * @param secureDropped        packets a secured peer's link refused (SRTP/SRTCP failed: forged, replayed, unkeyed)
 * @param paddingProbes        padding-only RTX packets (bandwidth probes, RFC 4588 + RFC 8698 usage): nothing to forward
 */
public record RelayCounters(long rtpIn, long rtcpIn, long forwarded, long notRtp, long malformedRtp,
                            long malformedRtcp, long unknownSsrc, long wrongSource, long duplicates,
                            long nacksSent, long nackMisses, long retransmitted, long keyframeRequestsSent,
                            long subscribersTimedOut, long errors, long secureDropped, long paddingProbes) {

    /** The field-wise sum, for totals over shards or nodes. */
    public RelayCounters plus(RelayCounters o) {
        return new RelayCounters(rtpIn + o.rtpIn, rtcpIn + o.rtcpIn, forwarded + o.forwarded, notRtp + o.notRtp,
                malformedRtp + o.malformedRtp, malformedRtcp + o.malformedRtcp, unknownSsrc + o.unknownSsrc,
                wrongSource + o.wrongSource, duplicates + o.duplicates, nacksSent + o.nacksSent,
                nackMisses + o.nackMisses, retransmitted + o.retransmitted,
                keyframeRequestsSent + o.keyframeRequestsSent, subscribersTimedOut + o.subscribersTimedOut,
                errors + o.errors, secureDropped + o.secureDropped, paddingProbes + o.paddingProbes);
    }

    public static final RelayCounters ZERO = new RelayCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
