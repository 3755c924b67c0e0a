// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.sdp.ExtMap;

/**
 * The WHIP offer (RFC 9725 §4.2) of a synthetic room participant's camera and microphone, shaped
 * as a browser sends simulcast: one sendonly video section with three RTP streams named by rid,
 * lowest first ({@code a=rid:q send}, {@code h}, {@code f}, {@code a=simulcast:send q;h;f},
 * RFC 8851 §4, RFC 8853 §5.1), the MID and RtpStreamId header extensions that name each packet's
 * section and layer (RFC 8843 §15, RFC 8852 §3.1), H.264 packetization mode 1 or VP8, and a
 * sendonly Opus section with its SSRC (RFC 5576 §4.1). Bundled, rtcp-mux, our ICE credentials and
 * fingerprint, {@code a=setup:active}: we are the DTLS client, as {@link WhepOffer}'s viewers.
 */
final class SimulcastOffer {
    static final int VIDEO_PT = 96;
    static final int OPUS_PT = 111;
    static final int MID_ID = 1;
    static final int RID_ID = 2;
    static final int REPAIRED_RID_ID = 3;

    private SimulcastOffer() {
    }

    /** The offer text, CRLF line ends (RFC 8866 §5); {@code codec} is {@code H264} or {@code VP8}. */
    static String text(String ufrag, String pwd, DtlsCertificate certificate, long sessionId, String codec,
                       int audioSsrc) {
        String transport = "c=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:" + ufrag + "\r\n"
                + "a=ice-pwd:" + pwd + "\r\n"
                + "a=fingerprint:" + certificate.sdpFingerprint() + "\r\n"
                + "a=setup:active\r\n";
        String videoCodec = codec.equals("VP8")
                ? "a=rtpmap:" + VIDEO_PT + " VP8/90000\r\n"
                : "a=rtpmap:" + VIDEO_PT + " H264/90000\r\n"
                + "a=fmtp:" + VIDEO_PT + " level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n";
        StringBuilder rids = new StringBuilder();
        for (String rid : SimulcastPublisher.RIDS) {
            rids.append("a=rid:").append(rid).append(" send\r\n");
        }
        return "v=0\r\n"
                + "o=- " + sessionId + " 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0 1\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF " + VIDEO_PT + "\r\n"
                + transport
                + "a=mid:0\r\n"
                + "a=sendonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + videoCodec
                + "a=rtcp-fb:" + VIDEO_PT + " nack\r\n"
                + "a=rtcp-fb:" + VIDEO_PT + " nack pli\r\n"
                + "a=extmap:" + MID_ID + " " + ExtMap.SDES_MID + "\r\n"
                + "a=extmap:" + RID_ID + " " + ExtMap.SDES_RTP_STREAM_ID + "\r\n"
                + "a=extmap:" + REPAIRED_RID_ID + " " + ExtMap.SDES_REPAIRED_RTP_STREAM_ID + "\r\n"
                + rids
                + "a=simulcast:send " + String.join(";", SimulcastPublisher.RIDS) + "\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PT + "\r\n"
                + transport
                + "a=mid:1\r\n"
                + "a=sendonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:" + OPUS_PT + " opus/48000/2\r\n"
                + "a=fmtp:" + OPUS_PT + " minptime=10;useinbandfec=1\r\n"
                + "a=extmap:" + MID_ID + " " + ExtMap.SDES_MID + "\r\n"
                + "a=ssrc:" + Integer.toUnsignedString(audioSsrc) + " cname:bench\r\n";
    }
}
