// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import io.netty.buffer.ByteBuf;

/**
 * Verifies and decrypts incoming SRTP and SRTCP in place for one direction of one transport
 * (RFC 3711 §3.3, §3.4; RFC 7714 §8, §9).
 *
 * <p><b>Threading:</b> not thread-safe. A context is owned by one thread, the event loop of the
 * transport that receives with it. <b>Buffers:</b> the packet is the buffer's readable bytes; on
 * {@link SrtpResult#OK} they are replaced by the plain RTP or RTCP packet (tag, E flag and index
 * removed, the writer index moved back). On any other result nothing changed, neither the buffer
 * nor this context. The caller keeps ownership either way and releases what it drops.
 *
 * <p><b>Order of checks</b> (§3.3 steps 2-5): lengths and version; the index estimate from the
 * SSRC's ROC and highest sequence number (§3.3.1); the replay list (§3.3.2) before any crypto;
 * then authentication, then decryption; only an authenticated packet updates the ROC, the highest
 * index and the replay list, or creates the state of a new SSRC. An SSRC's first packet sets its
 * s_l (ROC 0, as DTLS-SRTP starts). SRTCP packets are accepted with the E flag clear
 * (authenticated, not encrypted) as §3.4 allows; their SRTCP index is replay-checked the same way.
 */
public final class SrtpReceiveContext {
    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final SrtpConfig config;
    private final SsrcTable streams = new SsrcTable();
    private final PacketBytes bytes = new PacketBytes();
    private final long[] counts = new long[SrtpResult.values().length];

    /** A context keyed from {@code master} (the peer's write key). */
    public SrtpReceiveContext(SrtpProfile profile, SrtpMasterKey master, SrtpConfig config) {
        this(profile, SrtpTransform.derive(profile, master), config);
    }

    SrtpReceiveContext(SrtpProfile profile, SrtpTransform transform, SrtpConfig config) {
        this.profile = profile;
        this.transform = transform;
        this.config = config;
    }

    /** The profile this context unprotects with. */
    public SrtpProfile profile() {
        return profile;
    }

    /** Turns the SRTP packet in {@code srtp} back into RTP, in place. */
    public SrtpResult unprotect(ByteBuf srtp) {
        return counted(unprotectRtp(srtp));
    }

    private SrtpResult unprotectRtp(ByteBuf srtp) {
        int at = srtp.readerIndex();
        int len = srtp.readableBytes();
        int tag = profile.rtpOverhead();
        if (len < RtpHeaders.RTP_FIXED + tag) {
            return SrtpResult.TOO_SHORT;
        }
        if (!RtpHeaders.version2(srtp, at)) {
            return SrtpResult.MALFORMED;
        }
        int header = RtpHeaders.rtpHeaderLength(srtp, at, len - tag);
        if (header < 0) {
            return SrtpResult.TOO_SHORT;
        }
        int ssrc = RtpHeaders.rtpSsrc(srtp, at);
        StreamState state = streams.get(ssrc);
        long index = StreamState.estimateIndex(state == null ? -1 : state.rtp.highest(), RtpHeaders.rtpSequence(srtp, at));
        if (index < 0) {
            return SrtpResult.TOO_OLD;
        }
        if (index > StreamState.MAX_SRTP_INDEX) {
            return SrtpResult.KEY_EXHAUSTED;
        }
        SrtpResult admitted = admit(state, state == null ? null : state.rtp, index);
        if (admitted != SrtpResult.OK) {
            return admitted;
        }
        bytes.open(srtp, 0);
        int plainLength = transform.unprotectRtp(bytes.array, bytes.base, header, len, ssrc, index);
        if (plainLength < 0) {
            return SrtpResult.AUTH_FAILED;
        }
        bytes.commit(srtp, header, plainLength);
        stream(state, ssrc).rtp.accept(index);
        return SrtpResult.OK;
    }

    /** Turns the SRTCP packet in {@code srtcp} back into (compound) RTCP, in place. */
    public SrtpResult unprotectRtcp(ByteBuf srtcp) {
        return counted(unprotectControl(srtcp));
    }

    private SrtpResult unprotectControl(ByteBuf srtcp) {
        int at = srtcp.readerIndex();
        int len = srtcp.readableBytes();
        if (len < RtpHeaders.RTCP_FIXED + profile.rtcpOverhead()) {
            return SrtpResult.TOO_SHORT;
        }
        if (!RtpHeaders.version2(srtcp, at)) {
            return SrtpResult.MALFORMED;
        }
        int ssrc = RtpHeaders.rtcpSsrc(srtcp, at);
        int eAndIndex = srtcp.getInt(at + transform.srtcpIndexOffset(len));
        long index = eAndIndex & 0x7FFF_FFFFL;
        StreamState state = streams.get(ssrc);
        SrtpResult admitted = admit(state, state == null ? null : state.rtcp, index);
        if (admitted != SrtpResult.OK) {
            return admitted;
        }
        bytes.open(srtcp, 0);
        int plainLength = transform.unprotectRtcp(bytes.array, bytes.base, len, ssrc, eAndIndex);
        if (plainLength < 0) {
            return SrtpResult.AUTH_FAILED;
        }
        bytes.commit(srtcp, RtpHeaders.RTCP_FIXED, plainLength);
        stream(state, ssrc).rtcp.accept(index);
        return SrtpResult.OK;
    }

    /** Replay check for a known SSRC; room check for a new one. Changes nothing. */
    private SrtpResult admit(StreamState state, ReplayWindow window, long index) {
        if (state == null) {
            return streams.size() >= config.maxStreams() ? SrtpResult.STREAM_LIMIT : SrtpResult.OK;
        }
        return window.check(index);
    }

    /** The state of {@code ssrc}, created now that one of its packets authenticated. */
    private StreamState stream(StreamState state, int ssrc) {
        if (state != null) {
            return state;
        }
        StreamState created = new StreamState(ssrc, config.replayWindow());
        streams.add(created);
        return created;
    }

    /** Forgets {@code ssrc} (its ROC and replay windows); whether it was known. */
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

    /**
     * The highest SRTP packet index authenticated for {@code ssrc} ({@code ROC * 2^16 + SEQ}),
     * or -1 when the SSRC has no state. For tests and diagnostics.
     */
    public long highestIndex(int ssrc) {
        StreamState state = streams.get(ssrc);
        return state == null ? -1 : state.rtp.highest();
    }

    private SrtpResult counted(SrtpResult result) {
        counts[result.ordinal()]++;
        return result;
    }
}
