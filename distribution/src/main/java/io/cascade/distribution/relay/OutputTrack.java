// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtp.RtpSequence;
import io.netty.buffer.ByteBuf;

/**
 * A subscriber's view of one track, in its own SSRC, sequence and timestamp space (RFC 3550 §5.1:
 * a new session starts at a random sequence number and timestamp). Rewriting is additive:
 * {@code out = in + delta} modulo the field width. When the source behind the track changes, the
 * next packet rebases the deltas so that the subscriber sees the sequence continue by one and the
 * timestamp advance by the wall-clock time that passed: a keyframe request, not a reset. A switch
 * between simulcast layers stamped from one clock ({@link LayerSpec#sharedClock}) keeps the
 * timestamps the pictures have, unless that would send one older than the last.
 *
 * <p>Because the mapping is additive, a source's sender report translates exactly: the same
 * NTP timestamp with {@link #outputTimestamp} of its RTP timestamp (RFC 3550 §7.2: a translator
 * that changes timestamps translates the SR's, and passes the NTP time through). A rebase
 * changes the delta, so the subscriber's mapping changes with it: {@link #mapped} goes false
 * until an SR with the new one went out.
 */
final class OutputTrack {
    final int ssrc;
    final int rtxSsrc;
    final int clockRate;
    private int seqDelta;
    private int tsDelta;
    /**
     * The timestamp offset of the current source's clock: what {@link #tsDelta} returns to after a
     * switch between layers that share that clock, whenever the new layer's picture is newer than
     * the last one sent.
     */
    private int clockDelta;
    private boolean started;
    private boolean rebase;
    /** Whether the pending rebase moves the timestamp too (false: the new source shares the old one's clock). */
    private boolean rebaseTimestamp;
    /** After a rebase: the first sequence number of the new source (older ones are not resendable). */
    private int rebasedAt;
    private boolean rebased;
    /** An SR carrying the source's NTP mapping under the current delta has been sent (see {@link Reports}). */
    boolean mapped;
    long startedMs;
    int lastOutSeq;
    int lastOutTs;
    long lastOutMs;
    int rtxSeq;
    long packets;
    long octets;
    long retransmitted;
    long nacksReceived;
    long keyframeRequests;

    OutputTrack(int ssrc, int rtxSsrc, int clockRate, int initialSeq, int initialTs) {
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.clockRate = clockRate;
        this.seqDelta = initialSeq;
        this.tsDelta = initialTs;
        this.clockDelta = initialTs;
        this.rtxSeq = initialSeq ^ 0x5A5A;
    }

    /** The next packet comes from a new source: rebase on it. */
    void sourceChanged() {
        sourceChanged(true);
    }

    /**
     * As {@link #sourceChanged()}; {@code timestamp} false keeps the timestamp offset, for a new
     * source stamped from the same clock with the same base (another rendition of one encoder job).
     */
    void sourceChanged(boolean timestamp) {
        rebase = started;
        rebaseTimestamp = timestamp;
    }

    /**
     * Rewrites the RTP header of {@code out} (a copy, at its reader index) into this output's
     * space. {@code inSeq}/{@code inTs} are the source's values; {@code payloadBytes} counts for SR.
     *
     * @return true when this packet started the output or changed its timestamp mapping (rebase):
     *     the subscriber then wants an SR soon
     */
    boolean rewrite(ByteBuf out, int inSeq, int inTs, int payloadBytes, long nowMs) {
        return rewrite(out, out.readerIndex(), inSeq, inTs, payloadBytes, nowMs);
    }

    /** As {@link #rewrite(ByteBuf, int, int, int, long)} for a packet at {@code at} in {@code out}. */
    boolean rewrite(ByteBuf out, int at, int inSeq, int inTs, int payloadBytes, long nowMs) {
        boolean news = !started;
        if (rebase) {
            news = true;
            mapped = false;
            seqDelta = RtpSequence.add(RtpSequence.next(lastOutSeq), -inSeq);
            int elapsed = (int) ((nowMs - lastOutMs) * clockRate / 1000);
            if (rebaseTimestamp) {
                tsDelta = lastOutTs + elapsed - inTs;
                clockDelta = tsDelta;
            } else {
                // same clock: keep the pictures' own timestamps unless the new layer is behind what was
                // already sent (its encoder runs later); never send a timestamp older than the last
                tsDelta = inTs + clockDelta - lastOutTs > 0 ? clockDelta : lastOutTs + Math.max(1, elapsed) - inTs;
            }
            rebase = false;
            rebased = true;
            rebasedAt = RtpSequence.add(inSeq, seqDelta);
        }
        int outSeq = RtpSequence.add(inSeq, seqDelta);
        int outTs = inTs + tsDelta;
        out.setShort(at + 2, outSeq);
        out.setInt(at + 4, outTs);
        out.setInt(at + 8, ssrc);
        if (news && !started) {
            startedMs = nowMs;
        }
        if (!started || RtpSequence.isNewer(outSeq, lastOutSeq)) {
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutMs = nowMs;
            started = true;
        }
        packets++;
        octets += payloadBytes;
        return news;
    }

    /** Whether the source changed and the next packet will set new deltas (no mapping to translate with meanwhile). */
    boolean rebasePending() {
        return rebase;
    }

    /**
     * Whether {@code outSeq} was sent from the current source: after a layer switch or failover
     * the old source's packets cannot be found by the new deltas, and resending the new source's
     * packet under an old number would corrupt the picture.
     */
    boolean fromCurrentSource(int outSeq) {
        return !rebased || !RtpSequence.isNewer(rebasedAt, outSeq);
    }

    /** The source sequence number behind one of this output's sequence numbers. */
    int sourceSequence(int outSeq) {
        return RtpSequence.add(outSeq, -seqDelta);
    }

    /** This output's sequence number for a source sequence number. */
    int outputSequence(int inSeq) {
        return RtpSequence.add(inSeq, seqDelta);
    }

    int outputTimestamp(int inTs) {
        return inTs + tsDelta;
    }

    boolean started() {
        return started;
    }

    int nextRtxSequence() {
        rtxSeq = RtpSequence.next(rtxSeq);
        return rtxSeq;
    }
}
