// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;

/**
 * A secured peer behind a relay address: a WebRTC session (DTLS-SRTP, RFC 5764) rather than a
 * plain RTP hop. The shard calls it on its own thread for every packet to or from that peer:
 * unprotect what arrives before the relay reads it, adapt and protect what leaves after the
 * relay rewrote it. A plain tier link has no {@code MediaLink} at all (null), so the common
 * path pays one null check.
 *
 * <p>Every method works in place and returns false to drop, having counted why; none throws.
 */
public interface MediaLink {

    /** Octets an outgoing packet may grow by when protected (the SRTP tag, RFC 3711 §3.1). */
    int tailroom();

    /** SRTP -> RTP in place (RFC 3711 §3.3); false to drop (forged, replayed, not yet keyed). */
    boolean unprotectRtp(ByteBuf packet);

    /** SRTCP -> RTCP in place (RFC 3711 §3.4); false to drop. */
    boolean unprotectRtcp(ByteBuf packet);

    /**
     * Makes a packet the relay rewrote fit what this peer negotiated, then protects it: the
     * payload type of track {@code trackIndex} in the peer's numbering, header extensions the
     * peer did not negotiate blanked (RFC 8285 §4.2: id 0 is padding), a transport-wide sequence
     * number stamped where the peer negotiated transport-cc (which may grow the packet by up to
     * 8 octets), then SRTP. The buffer has at least {@link #tailroom()} writable octets. {@code trackIndex} is -1 for a packet whose
     * payload type is already the peer's (RTX built for it). False to drop.
     */
    boolean prepareRtp(ByteBuf packet, int trackIndex);

    /** Protects an outgoing (compound) RTCP packet in place (RFC 3711 §3.4); false to drop. */
    boolean protectRtcp(ByteBuf packet);

    /**
     * The SSRC this peer was told (in its SDP answer) to expect for track {@code trackIndex}, or 0
     * to let the relay choose. A subscription fails if another subscriber on the shard has it.
     */
    default int ssrc(int trackIndex) {
        return 0;
    }

    /** As {@link #ssrc(int)} for the track's retransmissions (RFC 4588), 0 to let the relay choose. */
    default int rtxSsrc(int trackIndex) {
        return 0;
    }

    /**
     * A publisher's packet whose SSRC the relay does not know yet: which track it belongs to,
     * from what the peer negotiated (simulcast layers are announced by rid, RFC 8852, not by
     * SSRC). Returns the track index, {@code -2 - index} for that track's retransmissions
     * (repaired rid), or -1 when it cannot tell. Called once per new SSRC, not per packet.
     */
    default int identify(io.cascade.distribution.rtp.RtpPacket packet) {
        return -1;
    }

    /**
     * What this subscriber is believed to take before any report says (a WHEP offer's {@code
     * b=AS}/{@code b=TIAS}), kbps, or 0 for the relay's default start: the first simulcast layer
     * it gets is chosen by it.
     */
    default int startKbps() {
        return 0;
    }

    /** A cap on what this subscriber may be sent, kbps, or 0 for none (it bounds the layer choice). */
    default int downlinkCapKbps() {
        return 0;
    }

    /**
     * The peer's downlink as its transport-wide CC feedback shows it (delay-based, see
     * io.cascade.distribution.cc), kbps, or 0 when there is none: not negotiated, or no feedback
     * lately. The relay takes the lower of this and its loss-based estimate.
     */
    default int delayBasedKbps() {
        return 0;
    }

    /**
     * Whether the relay now sends this peer less than it could (a simulcast layer below the top
     * active one): the delay-based estimate may then grow past what the peer acknowledges, as
     * going up a layer is how the relay finds out whether the path carries more.
     */
    default void senderLimited(boolean limited) {
    }
}
