// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import io.netty.buffer.ByteBuf;

/**
 * Protects outgoing RTP and RTCP in place for one direction of one transport (RFC 3711 §3.3,
 * §3.4; RFC 7714 §8, §9).
 *
 * <p><b>Threading:</b> not thread-safe. A context is owned by one thread, the event loop of the
 * transport that sends with it; the per-SSRC state, cipher instances and scratch arrays are
 * reused without locks. <b>Buffers:</b> the packet is the buffer's readable bytes; on
 * {@link SrtpResult#OK} they are replaced by the protected packet and the writer index moves by
 * {@link SrtpProfile#rtpOverhead()} or {@link SrtpProfile#rtcpOverhead()}, so callers leave that
 * much writable tailroom ({@link SrtpProfile#MAX_OVERHEAD}, 20 octets, covers every profile).
 * The context never grows or releases a buffer; the caller keeps ownership.
 *
 * <p><b>Index use:</b> the ROC of each SSRC follows its sequence numbers as the receiver will
 * estimate them (§3.3.1), and an index is never protected twice: a repeated or too old sequence
 * number is refused with {@link SrtpResult#REPLAYED} or {@link SrtpResult#TOO_OLD} rather than
 * encrypted again under the same IV (fatal for AES-GCM). Retransmissions go out as RTX (RFC 4588)
 * with their own sequence numbers, or as the bytes protected the first time. The SRTCP index of
 * each SSRC starts at 0 and counts up (§3.4).
 */
public final class SrtpSendContext {
    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final SrtpConfig config;
    private final SsrcTable streams = new SsrcTable();
    private final PacketBytes bytes = new PacketBytes();
    private final long[] counts = new long[SrtpResult.values().length];

    /** A context keyed from {@code master} (the local side's write key). */
    public SrtpSendContext(SrtpProfile profile, SrtpMasterKey master, SrtpConfig config) {
        this(profile, SrtpTransform.derive(profile, master), config);
    }

    SrtpSendContext(SrtpProfile profile, SrtpTransform transform, SrtpConfig config) {
        this.profile = profile;
        this.transform = transform;
        this.config = config;
    }

    /** The profile this context protects with. */
    public SrtpProfile profile() {
        return profile;
    }

    /** Turns the RTP packet in {@code rtp} into SRTP, in place. */
    public SrtpResult protect(ByteBuf rtp) {
        return counted(protectRtp(rtp));
    }

    private SrtpResult protectRtp(ByteBuf rtp) {
        int at = rtp.readerIndex();
        int len = rtp.readableBytes();
        if (len < RtpHeaders.RTP_FIXED) {
            return SrtpResult.TOO_SHORT;
        }
        if (!RtpHeaders.version2(rtp, at)) {
            return SrtpResult.MALFORMED;
        }
        int header = RtpHeaders.rtpHeaderLength(rtp, at, len);
        if (header < 0) {
            return SrtpResult.TOO_SHORT;
        }
        if (rtp.writableBytes() < profile.rtpOverhead()) {
            return SrtpResult.NO_TAILROOM;
        }
        int ssrc = RtpHeaders.rtpSsrc(rtp, at);
        StreamState state = streams.get(ssrc);
        long index = StreamState.estimateIndex(state == null ? -1 : state.rtp.highest(), RtpHeaders.rtpSequence(rtp, at));
        if (index < 0) {
            return SrtpResult.TOO_OLD;
        }
        if (index > StreamState.MAX_SRTP_INDEX) {
            return SrtpResult.KEY_EXHAUSTED;
        }
        if (state == null) {
            state = newStream(ssrc);
            if (state == null) {
                return SrtpResult.STREAM_LIMIT;
            }
        } else {
            SrtpResult replay = state.rtp.check(index);
            if (replay != SrtpResult.OK) {
                return replay;
            }
        }
        bytes.open(rtp, profile.rtpOverhead());
        int protectedLength = transform.protectRtp(bytes.array, bytes.base, header, len, ssrc, index);
        bytes.commit(rtp, header, protectedLength);
        state.rtp.accept(index);
        return SrtpResult.OK;
    }

    /** Turns the (compound) RTCP packet in {@code rtcp} into SRTCP, in place, with the E flag set. */
    public SrtpResult protectRtcp(ByteBuf rtcp) {
        return counted(protectControl(rtcp));
    }

    private SrtpResult protectControl(ByteBuf rtcp) {
        int at = rtcp.readerIndex();
        int len = rtcp.readableBytes();
        if (len < RtpHeaders.RTCP_FIXED) {
            return SrtpResult.TOO_SHORT;
        }
        if (!RtpHeaders.version2(rtcp, at)) {
            return SrtpResult.MALFORMED;
        }
        if (rtcp.writableBytes() < profile.rtcpOverhead()) {
            return SrtpResult.NO_TAILROOM;
        }
        int ssrc = RtpHeaders.rtcpSsrc(rtcp, at);
        StreamState state = streams.get(ssrc);
        if (state == null) {
            state = newStream(ssrc);
            if (state == null) {
                return SrtpResult.STREAM_LIMIT;
            }
        }
        if (state.nextSrtcpIndex > StreamState.MAX_SRTCP_INDEX) {
            return SrtpResult.KEY_EXHAUSTED;
        }
        bytes.open(rtcp, profile.rtcpOverhead());
        int protectedLength = transform.protectRtcp(bytes.array, bytes.base, len, ssrc, (int) state.nextSrtcpIndex);
        bytes.commit(rtcp, RtpHeaders.RTCP_FIXED, protectedLength);
        state.nextSrtcpIndex++;
        return SrtpResult.OK;
    }

    private StreamState newStream(int ssrc) {
        if (streams.size() >= config.maxStreams()) {
            return null;
        }
        StreamState state = new StreamState(ssrc, config.replayWindow());
        streams.add(state);
        return state;
    }

    /** Forgets {@code ssrc} (its ROC, window and SRTCP index); whether it was known. */
    public boolean removeStream(int ssrc) {
        return streams.remove(ssrc);
    }

    /** How many SSRCs this context keeps state for. */
    public int streamCount() {
        return streams.size();
    }

    /** How many packets ended with {@code result} so far. */
    public long count(SrtpResult result) {
        return counts[result.ordinal()];
    }

    private SrtpResult counted(SrtpResult result) {
        counts[result.ordinal()]++;
        return result;
    }
}
