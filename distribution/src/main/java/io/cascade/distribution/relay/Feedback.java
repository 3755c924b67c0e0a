// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtcp.RtcpCursor;
import io.cascade.distribution.rtcp.RtcpValidity;
import io.cascade.distribution.rtp.RtpSequence;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * The RTCP path of a shard, read in place with an {@link RtcpCursor} (no allocation):
 * <ul>
 *   <li>SR (RFC 3550 §6.4.1) from a publisher: remembered for the LSR/DLSR of our RR and
 *       translated into each subscriber's SRs ({@link Reports});</li>
 *   <li>RR (§6.4.2) from a subscriber: keeps it alive, records the loss it sees;</li>
 *   <li>generic NACK (RFC 4585 §6.2.1): each PID plus the BLP bitmask, answered from the cache;</li>
 *   <li>PLI (RFC 4585 §6.3.1) and FIR (RFC 5104 §4.3.1): a keyframe request toward the source;</li>
 *   <li>anything else is skipped by its length.</li>
 * </ul>
 * Feedback counts only from the subscriber's registered address, so a spoofed NACK cannot make
 * us send anywhere new.
 */
final class Feedback {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final int RTPFB = 205;
    private static final int PSFB = 206;
    private static final int FMT_NACK = 1;
    private static final int FMT_PLI = 1;
    private static final int FMT_FIR = 4;
    private static final int REPORT_BLOCK = 24;

    private final RelayShard shard;
    private final RtcpCursor cursor = new RtcpCursor();

    Feedback(RelayShard shard) {
        this.shard = shard;
    }

    void onRtcp(ByteBuf buf, InetSocketAddress sender, long nowMs) {
        shard.counters.rtcpIn++;
        cursor.reset(buf);
        while (cursor.next()) {
            int body = cursor.bodyOffset();
            int bodyLength = cursor.bodyLength();
            int fmt = cursor.countOrFormat();
            switch (cursor.packetType()) {
                case SR -> senderReport(buf, body, bodyLength, sender, nowMs);
                case RR -> receiverReports(buf, body + 4, bodyLength - 4, fmt, sender, nowMs);
                case RTPFB -> { if (fmt == FMT_NACK && bodyLength >= 12) nack(buf, body, bodyLength, sender, nowMs); }
                case PSFB -> keyframeFeedback(buf, body, bodyLength, fmt, sender, nowMs);
                default -> { }
            }
        }
        if (cursor.validity() != RtcpValidity.VALID) {
            shard.counters.malformedRtcp++;
        }
        shard.touchSubscribers(sender, nowMs);
    }

    private void senderReport(ByteBuf buf, int body, int bodyLength, InetSocketAddress sender, long nowMs) {
        if (bodyLength < 24) {
            return;
        }
        RelayStream stream = shard.bySourceSsrc.get(buf.getInt(body));
        if (stream == null || !stream.acceptsFrom(sender)) {
            return;
        }
        StreamTrack t = stream.trackBySsrc(buf.getInt(body));
        if (t != null) {
            t.senderReport(buf.getLong(body + 4), buf.getInt(body + 12), nowMs);
            stream.mappingWanted = true; // subscribers without the mapping get it on the next tick
            shard.counters.senderReportsIn++;
        }
        receiverReports(buf, body + 24, bodyLength - 24, cursor.countOrFormat(), sender, nowMs);
    }

    private void receiverReports(ByteBuf buf, int at, int length, int count, InetSocketAddress sender, long nowMs) {
        for (int i = 0; i < count && (i + 1) * REPORT_BLOCK <= length; i++) {
            int block = at + i * REPORT_BLOCK;
            Subscriber s = shard.subscriberFor(buf.getInt(block), sender);
            if (s != null) {
                s.lastRtcpMs = nowMs;
                s.reportedLossPerMille = buf.getUnsignedByte(block + 4) * 1000 / 256;
                s.estimate.onLoss(s.reportedLossPerMille, nowMs);
            }
        }
    }

    private void nack(ByteBuf buf, int body, int bodyLength, InetSocketAddress sender, long nowMs) {
        int mediaSsrc = buf.getInt(body + 4);
        Subscriber s = shard.subscriberFor(mediaSsrc, sender);
        if (s == null) {
            return;
        }
        OutputTrack o = s.outputBySsrc(mediaSsrc);
        int trackIndex = s.trackIndexOf(o);
        RelayStream stream = shard.streamOfSubscriber.get(mediaSsrc);
        for (int fci = body + 8; fci + 4 <= body + bodyLength; fci += 4) {
            int pid = buf.getUnsignedShort(fci);
            int blp = buf.getUnsignedShort(fci + 2);
            o.nacksReceived++;
            shard.forwarder.retransmit(stream, s, trackIndex, pid, nowMs);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    shard.forwarder.retransmit(stream, s, trackIndex, RtpSequence.add(pid, bit + 1), nowMs);
                }
            }
        }
    }

    private void keyframeFeedback(ByteBuf buf, int body, int bodyLength, int fmt, InetSocketAddress sender, long nowMs) {
        if (fmt == FMT_PLI && bodyLength >= 8) {
            keyframeRequest(buf.getInt(body + 4), sender, nowMs);
        } else if (fmt == FMT_FIR) {
            // FIR's media SSRC field is unused; each 8-octet FCI entry names the SSRC (RFC 5104 §4.3.1.1)
            for (int fci = body + 8; fci + 8 <= body + bodyLength; fci += 8) {
                keyframeRequest(buf.getInt(fci), sender, nowMs);
            }
        }
    }

    private void keyframeRequest(int mediaSsrc, InetSocketAddress sender, long nowMs) {
        Subscriber s = shard.subscriberFor(mediaSsrc, sender);
        if (s == null) {
            return;
        }
        OutputTrack o = s.outputBySsrc(mediaSsrc);
        o.keyframeRequests++;
        shard.requestKeyframe(shard.streamOfSubscriber.get(mediaSsrc), s.trackIndexOf(o), nowMs);
    }
}
