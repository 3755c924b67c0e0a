// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * What a context remembers about one SSRC (RFC 3711 §3.2.3: the cryptographic context is per
 * SSRC): the SRTP replay window, whose highest index carries the ROC and s_l of §3.3.1, and for
 * SRTCP either the next index to send (§3.4) or the receive replay window.
 */
final class StreamState {
    /** §3.3.1: the ROC is 32 bits, so the packet index tops out at 2^48 - 1. */
    static final long MAX_SRTP_INDEX = (1L << 48) - 1;
    /** §3.4: the SRTCP index is 31 bits. */
    static final long MAX_SRTCP_INDEX = (1L << 31) - 1;

    final int ssrc;
    final ReplayWindow rtp;
    final ReplayWindow rtcp;
    long nextSrtcpIndex;

    StreamState(int ssrc, int replayWindow) {
        this.ssrc = ssrc;
        this.rtp = new ReplayWindow(replayWindow);
        this.rtcp = new ReplayWindow(replayWindow);
    }

    /**
     * The packet index of sequence number {@code seq} relative to {@code highest}, the highest
     * index seen (RFC 3711 §3.3.1 and Appendix A): the ROC guess {@code v} is ROC - 1, ROC or
     * ROC + 1, whichever puts SEQ within 2^15 of s_l. Before the first packet ({@code highest}
     * -1) the ROC is 0 (DTLS-SRTP starts every SSRC at ROC 0).
     *
     * @return the 48-bit index, -1 when the guess is ROC - 1 with ROC 0 (before the stream
     *     began), or {@code MAX_SRTP_INDEX + 1} or more when the ROC would pass 2^32 - 1
     */
    static long estimateIndex(long highest, int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xFFFF);
        long v;
        if (sl < 0x8000) {
            v = seq - sl > 0x8000 ? roc - 1 : roc;
        } else {
            v = sl - 0x8000 > seq ? roc + 1 : roc;
        }
        return v < 0 ? -1 : v << 16 | seq;
    }
}
