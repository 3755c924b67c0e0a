// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtcp.GenericNack;
import io.cascade.distribution.rtcp.NtpTime;
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
 *
 * <p>Sender reports toward subscribers carry the source's timing where the source sent SRs:
 * the relay changes RTP timestamps, so as a translator (RFC 3550 §7.2) it passes the source's
 * NTP timestamp through and translates the RTP timestamp into each subscriber's space with the
 * offset its {@link OutputTrack} applies. Every subscriber, at every tier, so maps the media to
 * the publisher's clock, and tracks the publisher put on one clock (a broadcast's renditions,
 * video and audio) stay aligned. Without a source SR the relay reports its own wall clock
 * against the output's last timestamp extrapolated: alignment by arrival here. That fallback
 * waits one report interval after an output starts, so that a source SR following its first
 * packets is what a subscriber sees first (consumers keep their first mapping).
 */
final class Reports {
    private final RelayShard shard;
    private final List<Integer> lost = new ArrayList<>();

    Reports(RelayShard shard) {
        this.shard = shard;
    }

    static long ntp(long unixMillis) {
        return NtpTime.ofUnixMillis(unixMillis);
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

    /**
     * An SR per started output track of each subscriber, in one compound per subscriber. With
     * {@code onlyUnmapped}, only to outputs that have not had the source's mapping since they
     * started or rebased (the prompt SR after a join, a source SR or a layer switch).
     */
    void sendSenderReports(RelayStream stream, long nowMs, boolean onlyUnmapped) {
        long fallbackAfter = shard.config.reportInterval().toMillis();
        for (Subscriber s : stream.subscribers) {
            List<RtcpPacket> srs = null;
            for (int i = 0; i < s.outputs.length; i++) {
                OutputTrack o = s.outputs[i];
                if (!o.started() || s.groupOf[i] != i) { // layers of a group share their output
                    continue;
                }
                // a layered output follows one layer now: that layer's source SR maps it exactly
                StreamTrack source = stream.tracks[s.current[i] >= 0 ? s.current[i] : i];
                SenderReport sr = null;
                if (source.srKnown && !o.rebasePending()) {
                    if (!onlyUnmapped || !o.mapped) {
                        sr = new SenderReport(o.ssrc, source.lastSrNtp, o.outputTimestamp(source.lastSrRtp),
                                (int) o.packets, (int) o.octets, List.of());
                        o.mapped = true;
                        shard.counters.senderReportsTranslated++;
                    }
                } else if (!onlyUnmapped && nowMs - o.startedMs >= fallbackAfter) {
                    int rtpNow = o.lastOutTs + (int) ((nowMs - o.lastOutMs) * o.clockRate / 1000);
                    sr = new SenderReport(o.ssrc, ntp(nowMs), rtpNow, (int) o.packets, (int) o.octets, List.of());
                }
                if (sr != null) {
                    if (srs == null) {
                        srs = new ArrayList<>(s.outputs.length);
                    }
                    srs.add(sr);
                }
            }
            if (srs != null) {
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
