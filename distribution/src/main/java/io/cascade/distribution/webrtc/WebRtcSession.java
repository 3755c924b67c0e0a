// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.cc.TransportCcSender;
import io.cascade.distribution.cc.TransportCcStats;
import io.cascade.distribution.cc.TransportSequenceStamp;
import io.cascade.distribution.dtls.DtlsSession;
import io.cascade.distribution.relay.MediaLink;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.srtp.SrtpContexts;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpResult;
import io.cascade.distribution.srtp.SrtpSendContext;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * One browser (or ffmpeg) on the WebRTC port: a publisher (WHIP) or a viewer (WHEP) of one relay
 * stream. It moves through ICE (the peer's checks bind its address), DTLS (keys, and the
 * fingerprint check before any media) and then lives as the {@link MediaLink} of its relay
 * publisher or subscriber, turning SRTP into RTP and back on the shard's thread.
 *
 * <p>Fields written after creation belong to the shard thread, except {@link #closed} and the
 * futures, which other threads read.
 */
public final class WebRtcSession implements MediaLink {

    /** What the peer does with the stream. */
    public enum Kind { PUBLISH, PLAY }

    /** Where the session is in its life. */
    public enum State { CONNECTING, SECURE, CLOSED }

    final String id;
    final Kind kind;
    final StreamName stream;
    final IceLite.IceSession ice;
    final WebRtcPort port;
    final long createdMs;
    /** Per relay track: the payload type in the peer's numbering (PLAY), or -1 to keep. */
    final int[] payloadTypes;
    /** Per relay track: the SSRC (and RTX SSRC) our answer announced for it (PLAY), 0 for none. */
    final int[] ssrcs;
    final int[] rtxSsrcs;
    /** Per relay track: the RTX payload type the viewer negotiated, or -1 (PLAY). */
    int[] rtxPayloadTypes;
    /** The downlink cap a room member reported (PLAY), kbps, 0 for none; shard thread. */
    int downlinkCapKbps;
    /** What the viewer's offer said it takes (PLAY), kbps, 0 for none: the relay's start estimate. */
    volatile int startKbps;
    /** The relay subscription id once subscribed (PLAY). */
    volatile long subscriberId = -1;
    InetSocketAddress remote;
    DtlsSession dtls;
    private SrtpSendContext sender;
    private SrtpReceiveContext receiver;
    volatile State state = State.CONNECTING;
    volatile String closeReason;
    final CompletableFuture<WebRtcSession> secured = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    /** Send-side transport-wide CC for a viewer that negotiated it (PLAY), else null; shard thread. */
    TransportCcSender twccSender;
    /** Transport-wide CC for a publisher that negotiated it (its extension id), else null. */
    TransportCcReceiver twcc;
    int twccExtensionId;
    int feedbackSenderSsrc;
    int feedbackMediaSsrc;
    long lastFeedbackMs;
    /** Packets that passed SRTP/SRTCP authentication from the peer, and when the count last moved. */
    long authenticatedIn;
    long authenticatedSeen;
    long lastAuthenticatedMs;
    /** Simulcast publisher: relay track index per rid, and the extension ids carrying rids (RFC 8852). */
    private String[] rids = new String[0];
    private int[] ridTracks = new int[0];
    private int ridExtensionId = -1;
    private int repairedRidExtensionId = -1;
    /** Packets this session's SRTP refused, by direction. */
    long inboundDropped;
    long outboundDropped;

    WebRtcSession(String id, Kind kind, StreamName stream, IceLite.IceSession ice, WebRtcPort port, long createdMs,
                  int[] payloadTypes, int[] ssrcs, int[] rtxSsrcs) {
        this.id = id;
        this.kind = kind;
        this.stream = stream;
        this.ice = ice;
        this.port = port;
        this.createdMs = createdMs;
        this.payloadTypes = payloadTypes;
        this.ssrcs = ssrcs;
        this.rtxSsrcs = rtxSsrcs;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public StreamName stream() {
        return stream;
    }

    public State state() {
        return state;
    }

    /** Completes when DTLS is done and media may flow; fails if the session ends first. */
    public CompletableFuture<WebRtcSession> secured() {
        return secured;
    }

    /** Completes with the reason when the session ends. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    /** The peer's address once a connectivity check succeeded, else null. */
    public InetSocketAddress remote() {
        return remote;
    }

    /**
     * The send-side congestion control toward this viewer: what was stamped, what its
     * transport-cc feedback said, and the delay-based estimate; empty where the viewer did not
     * negotiate transport-cc (or is a publisher). Any thread.
     */
    public java.util.Optional<TransportCcStats> transportCcStats() {
        TransportCcSender t = twccSender;
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(t.stats());
    }

    /** Shard thread: keys from DTLS (RFC 5764 §4.2). */
    void keyed(SrtpContexts contexts) {
        this.sender = contexts.sender();
        this.receiver = contexts.receiver();
        this.state = State.SECURE;
    }

    /** Shard thread: forget the keys; every later packet is dropped. */
    void unkey() {
        this.sender = null;
        this.receiver = null;
    }

    /** Before the session is shared: the rids of a simulcast publisher and their relay tracks. */
    void simulcast(java.util.Map<String, Integer> tracksByRid, int ridExtensionId, int repairedRidExtensionId) {
        this.rids = tracksByRid.keySet().toArray(new String[0]);
        this.ridTracks = new int[rids.length];
        for (int i = 0; i < rids.length; i++) {
            ridTracks[i] = tracksByRid.get(rids[i]);
        }
        this.ridExtensionId = ridExtensionId;
        this.repairedRidExtensionId = repairedRidExtensionId;
    }

    // ---- MediaLink (shard thread)

    /** RFC 8852 §3: the RtpStreamId (or RepairedRtpStreamId) element names the layer of a new SSRC. */
    @Override
    public int identify(io.cascade.distribution.rtp.RtpPacket packet) {
        int track = ridTrack(packet, ridExtensionId);
        if (track >= 0) {
            return track;
        }
        track = ridTrack(packet, repairedRidExtensionId);
        return track >= 0 ? -2 - track : -1;
    }

    private int ridTrack(io.cascade.distribution.rtp.RtpPacket packet, int extensionId) {
        if (extensionId < 1) {
            return -1;
        }
        int at = packet.extensionOffset(extensionId);
        int length = packet.extensionLength(extensionId);
        if (at < 0) {
            return -1;
        }
        ByteBuf buf = packet.buffer();
        for (int r = 0; r < rids.length; r++) {
            String rid = rids[r];
            if (rid.length() == length) {
                int i = 0;
                while (i < length && buf.getByte(at + i) == rid.charAt(i)) {
                    i++;
                }
                if (i == length) {
                    return ridTracks[r];
                }
            }
        }
        return -1;
    }

    @Override
    public int startKbps() {
        return startKbps;
    }

    @Override
    public int downlinkCapKbps() {
        return downlinkCapKbps;
    }

    @Override
    public int tailroom() {
        // The most SRTCP adds: E flag and index (4) plus the GCM tag (16), RFC 3711 §3.4, RFC 7714 §9.2;
        // and a viewer with transport-cc may get an extension block inserted (TransportSequenceStamp)
        return SrtpProfile.MAX_OVERHEAD + (twccSender == null ? 0 : TransportSequenceStamp.MAX_GROWTH);
    }

    @Override
    public int delayBasedKbps() {
        TransportCcSender t = twccSender;
        return t == null ? 0 : t.estimateKbps(System.nanoTime() / 1000);
    }

    @Override
    public void senderLimited(boolean limited) {
        TransportCcSender t = twccSender;
        if (t != null) {
            t.senderLimited(limited);
        }
    }

    @Override
    public boolean unprotectRtp(ByteBuf packet) {
        SrtpReceiveContext rx = receiver;
        if (rx == null || rx.unprotect(packet) != SrtpResult.OK) {
            inboundDropped++;
            return false;
        }
        authenticatedIn++;
        if (twcc != null) {
            int seq = TransportCcReceiver.transportSequence(packet, twccExtensionId);
            if (seq >= 0) {
                twcc.onPacket(seq, System.nanoTime() / 1000);
            }
        }
        return true;
    }

    @Override
    public boolean unprotectRtcp(ByteBuf packet) {
        SrtpReceiveContext rx = receiver;
        if (rx == null || rx.unprotectRtcp(packet) != SrtpResult.OK) {
            inboundDropped++;
            return false;
        }
        authenticatedIn++;
        if (twccSender != null) {
            twccSender.onRtcp(packet, System.nanoTime() / 1000);
        }
        return true;
    }

    @Override
    public boolean prepareRtp(ByteBuf packet, int trackIndex) {
        SrtpSendContext tx = sender;
        if (tx == null) {
            outboundDropped++;
            return false;
        }
        int at = packet.readerIndex();
        if (trackIndex >= 0 && trackIndex < payloadTypes.length) {
            if (payloadTypes[trackIndex] < 0) {
                outboundDropped++; // a track this viewer did not take (e.g. audio-only offer)
                return false;
            }
            packet.setByte(at + 1, (packet.getByte(at + 1) & 0x80) | payloadTypes[trackIndex]);
        }
        blankExtensions(packet, at);
        TransportCcSender t = twccSender;
        boolean stamped = t != null && t.stamp(packet, System.nanoTime() / 1000) >= 0;
        if (tx.protect(packet) != SrtpResult.OK) {
            if (stamped) {
                t.unsent();
            }
            outboundDropped++;
            return false;
        }
        return true;
    }

    @Override
    public boolean protectRtcp(ByteBuf packet) {
        SrtpSendContext tx = sender;
        if (tx == null || tx.protectRtcp(packet) != SrtpResult.OK) {
            outboundDropped++;
            return false;
        }
        return true;
    }

    @Override
    public int ssrc(int trackIndex) {
        return trackIndex < ssrcs.length ? ssrcs[trackIndex] : 0;
    }

    @Override
    public int rtxSsrc(int trackIndex) {
        return trackIndex < rtxSsrcs.length ? rtxSsrcs[trackIndex] : 0;
    }

    /**
     * The source's header extensions use the publisher's ids, which mean nothing (or something
     * else) to this peer, and its transport-wide sequence numbers belong to another transport.
     * Overwriting the elements with zeros keeps the packet's length and turns every octet into
     * padding (RFC 8285 §4.2, §4.3: id 0 is padding), which receivers skip.
     */
    static void blankExtensions(ByteBuf packet, int at) {
        int first = packet.getUnsignedByte(at);
        if ((first & 0x10) == 0) {
            return;
        }
        int ext = at + 12 + 4 * (first & 0x0F);
        int end = packet.writerIndex();
        if (ext + 4 > end) {
            return;
        }
        int length = 4 * packet.getUnsignedShort(ext + 2);
        if (ext + 4 + length <= end) {
            packet.setZero(ext + 4, length);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " session " + id + " (" + stream + ")";
    }
}
