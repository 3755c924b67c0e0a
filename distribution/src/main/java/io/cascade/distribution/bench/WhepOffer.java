// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;

/**
 * The SDP offer of a synthetic WHEP viewer (draft-ietf-wish-whep §4.2): two bundled recvonly
 * sections, H.264 packetization mode 1 (RFC 6184 §8.1, profile 42e01f as browsers offer first) and
 * Opus (RFC 7587 §7), rtcp-mux (RFC 8858), our ICE credentials (RFC 8839 §5.4) and certificate
 * fingerprint (RFC 8122 §5). {@code a=setup:active}: the viewer is the DTLS client (RFC 8842 §5.2),
 * the gateway answers passive. No candidates: an ICE-lite server needs none, it learns our address
 * from our checks (RFC 8445 §2.5).
 */
final class WhepOffer {
    /** Payload types in our numbering; the gateway answers with these (RFC 3264 §6.1). */
    static final int H264_PT = 102;
    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;

    private WhepOffer() {
    }

    /** The offer text for H.264 video, CRLF line ends (RFC 8866 §5). */
    static String text(String ufrag, String pwd, DtlsCertificate certificate, long sessionId) {
        return text(ufrag, pwd, certificate, sessionId, "H264");
    }

    /** The offer text for {@code H264} or {@code VP8} video (RFC 7741 §6.1), CRLF line ends. */
    static String text(String ufrag, String pwd, DtlsCertificate certificate, long sessionId, String codec) {
        boolean vp8 = codec.equals("VP8");
        int videoPt = vp8 ? VP8_PT : H264_PT;
        String videoCodec = vp8 ? "a=rtpmap:" + VP8_PT + " VP8/90000\r\n"
                : "a=rtpmap:" + H264_PT + " H264/90000\r\n"
                + "a=fmtp:" + H264_PT + " level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n";
        String transport = "c=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:" + ufrag + "\r\n"
                + "a=ice-pwd:" + pwd + "\r\n"
                + "a=fingerprint:" + certificate.sdpFingerprint() + "\r\n"
                + "a=setup:active\r\n";
        return "v=0\r\n"
                + "o=- " + sessionId + " 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0 1\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF " + videoPt + "\r\n"
                + transport
                + "a=mid:0\r\n"
                + "a=recvonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + videoCodec
                + "a=rtcp-fb:" + videoPt + " nack\r\n"
                + "a=rtcp-fb:" + videoPt + " nack pli\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PT + "\r\n"
                + transport
                + "a=mid:1\r\n"
                + "a=recvonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:" + OPUS_PT + " opus/48000/2\r\n"
                + "a=fmtp:" + OPUS_PT + " minptime=10;useinbandfec=1\r\n";
    }
}
