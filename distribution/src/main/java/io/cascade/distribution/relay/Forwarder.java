// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.rtp.RtxCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The RTP path of a shard: validate, find the track, track loss, cache, fan out with header
 * rewriting; and resending cached packets to a subscriber that NACKed them. No allocation beyond
 * pooled buffers; drops are counted, never thrown.
 */
final class Forwarder {
    private final RelayShard shard;
    private final ShardCounters counters;
    private final RtpPacket view = new RtpPacket();
    private final RtpPacket rtxView = new RtpPacket();

    Forwarder(RelayShard shard) {
        this.shard = shard;
        this.counters = shard.counters;
    }

    void onRtp(ByteBuf buf, InetSocketAddress sender, long nowMs) {
        onRtp(buf, sender, null, nowMs);
    }

    /** {@code link}: the secured peer the packet came through, or null. */
    void onRtp(ByteBuf buf, InetSocketAddress sender, MediaLink link, long nowMs) {
        counters.rtpIn++;
        if (view.wrap(buf).validate() != RtpValidity.VALID) {
            counters.malformedRtp++;
            return;
        }
        int ssrc = view.ssrc();
        RelayStream stream = shard.bySourceSsrc.get(ssrc);
        if (stream == null && (link == null || (stream = shard.learnSsrc(view, link)) == null)) {
            counters.unknownSsrc++;
            return;
        }
        if (!stream.acceptsFrom(sender)) {
            counters.wrongSource++;
            return;
        }
        StreamTrack track = stream.trackBySsrc(ssrc);
        if (track == null && !unwrapRtx(stream, ssrc)) {
            return;
        }
        if (track == null) {
            track = stream.trackBySsrc(view.ssrc());
        }
        int seq = view.sequenceNumber();
        if (!track.onSequence(seq, nowMs)) {
            counters.duplicates++;
            return;
        }
        track.packets++;
        track.bytes += view.payloadLength();
        int off = buf.readerIndex();
        int len = buf.readableBytes();
        track.cache.put(seq, buf, off, len, nowMs, shard.socket.alloc());
        fanOut(stream, track.index, buf, off, len, seq, view.timestamp(), view.payloadLength(), nowMs);
    }

    /** RFC 4588 §4: restore the original packet from an RTX one, in place; false to drop it. */
    private boolean unwrapRtx(RelayStream stream, int rtxSsrc) {
        StreamTrack track = stream.trackByRtxSsrc(rtxSsrc);
        if (track == null) {
            counters.unknownSsrc++;
            return false;
        }
        if (RtxCodec.originalSequenceNumber(view) < 0) {
            counters.paddingProbes++; // padding-only RTX is a bandwidth probe: nothing to forward
            return false;
        }
        return RtxCodec.unwrapInPlace(view, track.spec.payloadType(), track.spec.ssrc());
    }

    private void fanOut(RelayStream stream, int trackIndex, ByteBuf buf, int off, int len,
                        int seq, int ts, int payloadBytes, long nowMs) {
        Subscriber[] subs = stream.subscribers;
        ByteBufAllocator alloc = shard.socket.alloc();
        SegmentBatcher batcher = shard.batcher;
        boolean gather = batcher.gathers(len);
        int keyframe = -1; // unknown until a subscriber waits to switch to this layer
        int sent = 0;
        for (Subscriber s : subs) {
            int group = s.groupOf[trackIndex];
            if (s.current[group] != trackIndex) { // another layer of the group, or one to switch to
                if (s.target[group] != trackIndex) {
                    continue;
                }
                if (keyframe < 0) {
                    keyframe = stream.keyframes[trackIndex].isKeyframeStart(buf, view.payloadOffset(), payloadBytes) ? 1 : 0;
                }
                if (keyframe == 0) {
                    continue;
                }
                s.switchLayer(group, trackIndex, stream.sharedClock[trackIndex]);
            }
            sent++;
            if (gather && s.link == null) { // UDP GSO: joins the destination's run, leaves at batch end
                Downlink d = s.downlink;
                int at = batcher.append(d, buf, off, len);
                if (s.outputs[trackIndex].rewrite(d.run, at, seq, ts, payloadBytes, nowMs)) {
                    stream.mappingWanted = true;
                }
                continue;
            }
            batcher.flush(s.downlink); // a datagram too big to gather: what was gathered leaves first
            int room = len + RelayShard.tailroom(s.link);
            ByteBuf out = alloc.directBuffer(room, room);
            out.writeBytes(buf, off, len);
            if (s.outputs[trackIndex].rewrite(out, seq, ts, payloadBytes, nowMs)) {
                stream.mappingWanted = true;
            }
            shard.sendRtp(out, s.destination, s.link, trackIndex);
        }
        counters.forwarded += sent;
    }

    /** Resends one packet a subscriber NACKed, in its own space, as RTX where it negotiated RTX. */
    void retransmit(RelayStream stream, Subscriber s, int trackIndex, int outSeq, long nowMs) {
        StreamTrack track = stream.tracks[trackIndex];
        OutputTrack o = s.outputs[trackIndex];
        if (!o.fromCurrentSource(outSeq)) {
            counters.nackMisses++;
            return;
        }
        int sourceSeq = o.sourceSequence(outSeq);
        int len = track.cache.lengthOf(sourceSeq, nowMs);
        if (len < 0) {
            counters.nackMisses++;
            return;
        }
        int room = len + RelayShard.tailroom(s.link);
        ByteBuf out = shard.socket.alloc().directBuffer(room, room);
        track.cache.copyTo(sourceSeq, out);
        int at = out.readerIndex();
        out.setShort(at + 2, outSeq);
        out.setInt(at + 4, o.outputTimestamp(out.getInt(at + 4)));
        out.setInt(at + 8, o.ssrc);
        int rtxPt = s.rtxPayloadTypes[trackIndex];
        if (rtxPt >= 0) {
            ByteBuf rtx = RtxCodec.wrap(rtxView.wrap(out), rtxPt, o.rtxSsrc, o.nextRtxSequence(), shard.socket.alloc(),
                    RelayShard.tailroom(s.link));
            out.release();
            out = rtx;
        }
        shard.batcher.flush(s.downlink); // what was forwarded to it in this batch leaves first
        shard.sendRtp(out, s.destination, s.link, rtxPt >= 0 ? -1 : trackIndex); // RTX: already in its own PT
        o.retransmitted++;
        counters.retransmitted++;
    }
}
