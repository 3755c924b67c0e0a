// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtcp.GenericNack;
import io.cascade.distribution.rtcp.PictureLossIndication;
import io.cascade.distribution.rtcp.ReceiverReport;
import io.cascade.distribution.rtcp.ReportBlock;
import io.cascade.distribution.rtcp.RtcpCompound;
import io.cascade.distribution.rtcp.RtcpPacket;
import io.cascade.distribution.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The RTCP a shard sends on its timer, each hop for itself: RR toward publishers (RFC 3550
 * §6.4.2), SR toward subscribers in their own SSRC and timestamp space (§6.4.1), NACKs for
 * missing packets (RFC 4585 §6.2.1) and throttled PLIs (§6.3.1). This is the timer path, not the
 * packet path: building report objects is fine here.
 */
final class Reports {
    /** Seconds from 1900 (NTP era 0) to 1970 (Unix epoch). */
    private static final long NTP_UNIX_OFFSET = 2_208_988_800L;

    private final RelayShard shard;
    private final List<Integer> lost = new ArrayList<>();

    Reports(RelayShard shard) {
        this.shard = shard;
    }

    static long ntp(long unixMillis) {
        long seconds = unixMillis / 1000 + NTP_UNIX_OFFSET;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** NACKs due for every track of the stream (fast timer). */
    void sendDueNacks(RelayStream stream, long nowMs) {
        for (StreamTrack t : stream.tracks) {
            lost.clear();
            t.nacks.collectDue(nowMs, lost::add);
            if (!lost.isEmpty()) {
                int[] seqs = lost.stream().mapToInt(Integer::intValue).toArray();
                send(List.of(GenericNack.of(stream.relaySsrc, t.spec.ssrc(), seqs)), stream.source, stream.sourceLink);
                shard.counters.nacksSent += seqs.length;
            }
        }
    }

    void sendPli(RelayStream stream, StreamTrack t) {
        send(List.of(new PictureLossIndication(stream.relaySsrc, t.spec.ssrc())), stream.source, stream.sourceLink);
        shard.counters.keyframeRequestsSent++;
    }

    /** One RR for the publisher with a block per track that has received anything. */
    void sendReceiverReport(RelayStream stream, long nowMs) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (StreamTrack t : stream.tracks) {
            if (t.tracker == null) {
                continue;
            }
            int lsr = t.lastSrArrivalMs == 0 ? 0 : t.lastSrNtpMiddle;
            int dlsr = t.lastSrArrivalMs == 0 ? 0 : (int) ((nowMs - t.lastSrArrivalMs) * 65536 / 1000);
            int cumulative = Math.max(-0x800000, Math.min(0x7FFFFF, t.tracker.cumulativeLost()));
            blocks.add(new ReportBlock(t.spec.ssrc(), t.tracker.takeFractionLost(), cumulative,
                    (int) t.tracker.extendedHighestSequence(), 0, lsr, dlsr));
        }
        if (!blocks.isEmpty()) {
            send(List.of(new ReceiverReport(stream.relaySsrc, blocks)), stream.source, stream.sourceLink);
        }
    }

    /** An SR per started output track of each subscriber, in one compound per subscriber. */
    void sendSenderReports(RelayStream stream, long nowMs) {
        for (Subscriber s : stream.subscribers) {
            List<RtcpPacket> srs = new ArrayList<>(s.outputs.length);
            for (int i = 0; i < s.outputs.length; i++) {
                OutputTrack o = s.outputs[i];
                if (o.started() && stream.group[i] == i) { // layers of a group share their output
                    int rtpNow = o.lastOutTs + (int) ((nowMs - o.lastOutMs) * o.clockRate / 1000);
                    srs.add(new SenderReport(o.ssrc, ntp(nowMs), rtpNow, (int) o.packets, (int) o.octets, List.of()));
                }
            }
            if (!srs.isEmpty()) {
                send(srs, s.destination, s.link);
            }
        }
    }

    private void send(List<? extends RtcpPacket> packets, InetSocketAddress to, MediaLink link) {
        int length = RtcpCompound.encodedLength(packets);
        int room = length + RelayShard.tailroom(link);
        ByteBuf out = shard.socket.alloc().directBuffer(room, room);
        RtcpCompound.encode(packets, out);
        shard.sendRtcp(out, to, link);
    }
}
