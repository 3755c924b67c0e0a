// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

/**
 * One media track of a publisher, as negotiated out of band (SDP, or the relay control API).
 *
 * @param kind            audio or video
 * @param ssrc            the publisher's SSRC for this track
 * @param payloadType     RTP payload type of the media
 * @param clockRate       RTP clock rate in Hz (90000 for video, 48000 for Opus)
 * @param rtxSsrc         the publisher's RTX SSRC (RFC 4588), meaningful when {@code rtxPayloadType >= 0}
 * @param rtxPayloadType  RTX payload type, or -1 when the publisher sends no RTX
 * @param nack            whether the publisher answers NACKs (relays and WebRTC senders do)
 */
public record TrackSpec(MediaKind kind, int ssrc, int payloadType, int clockRate,
                        int rtxSsrc, int rtxPayloadType, boolean nack) {
    public TrackSpec {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType out of range: " + payloadType);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate must be positive: " + clockRate);
        }
        if (rtxPayloadType > 127) {
            throw new IllegalArgumentException("rtxPayloadType out of range: " + rtxPayloadType);
        }
    }

    public static TrackSpec video(int ssrc, int payloadType) {
        return new TrackSpec(MediaKind.VIDEO, ssrc, payloadType, 90_000, 0, -1, true);
    }

    public static TrackSpec audio(int ssrc, int payloadType) {
        return new TrackSpec(MediaKind.AUDIO, ssrc, payloadType, 48_000, 0, -1, true);
    }

    public boolean hasRtx() {
        return rtxPayloadType >= 0;
    }

    /** The same track from a sender that does (not) answer NACKs. */
    public TrackSpec withNack(boolean answersNack) {
        return new TrackSpec(kind, ssrc, payloadType, clockRate, rtxSsrc, rtxPayloadType, answersNack);
    }

    public TrackSpec withRtx(int rtxSsrc, int rtxPayloadType) {
        return new TrackSpec(kind, ssrc, payloadType, clockRate, rtxSsrc, rtxPayloadType, nack);
    }
}
