// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsFingerprint;
import io.cascade.distribution.sdp.Candidate;
import io.cascade.distribution.sdp.ExtMap;
import io.cascade.distribution.sdp.MediaDescription;
import io.cascade.distribution.sdp.SdpParseException;
import io.cascade.distribution.sdp.SdpParser;
import io.cascade.distribution.sdp.SessionDescription;
import io.cascade.distribution.sdp.TransportAttributes;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a synthetic peer needs from the gateway's WHEP or WHIP answer: the ICE credentials to sign
 * its checks with (RFC 8445 §7.2.2), the host candidate to send them to (an ICE-lite server's only
 * candidates, RFC 8445 §2.5), the certificate fingerprint DTLS must see (RFC 8122 §5) and, per
 * accepted section, what the gateway agreed to: the payload type it answered first, the header
 * extension ids it kept (RFC 8285 §5) and the SSRC it announced for what it will send (RFC 5576
 * §4.1; none in a WHIP answer, where the gateway only receives).
 *
 * @param remoteUfrag the gateway's ice-ufrag
 * @param remotePwd the gateway's ice-pwd
 * @param candidate where the checks, DTLS and RTCP go
 * @param fingerprint the gateway's certificate fingerprint
 * @param sections the accepted sections, in answer order
 */
record WhepAnswer(String remoteUfrag, String remotePwd, InetSocketAddress candidate, DtlsFingerprint fingerprint,
                  List<Section> sections) {

    /** One section the gateway sends: its kind ({@code video}/{@code audio}) and SSRC. */
    record Track(String kind, int ssrc) {}

    /**
     * One accepted section.
     *
     * @param kind        {@code video} or {@code audio}
     * @param mid         its a=mid, or empty
     * @param payloadType the first payload type of the answer's m= line
     * @param ssrc        the SSRC the gateway sends with, 0 for none
     * @param midId       the extension id of the MID element (RFC 8843 §15), or -1
     * @param ridId       the extension id of the RtpStreamId element (RFC 8852 §3.1), or -1
     */
    record Section(String kind, String mid, int payloadType, int ssrc, int midId, int ridId) {}

    WhepAnswer {
        sections = List.copyOf(sections);
    }

    /** The sections the gateway sends on (an announced SSRC), in answer order. */
    List<Track> tracks() {
        return sections.stream().filter(s -> s.ssrc() != 0).map(s -> new Track(s.kind(), s.ssrc())).toList();
    }

    /** The first section of {@code kind}, if any. */
    Optional<Section> section(String kind) {
        return sections.stream().filter(s -> s.kind().equals(kind)).findFirst();
    }

    /**
     * Parses a WHEP answer: one the gateway sends nothing on is refused.
     *
     * @throws IllegalArgumentException an answer without ICE credentials, a UDP candidate, a
     *     fingerprint or any SSRC: a gateway this viewer cannot play from
     */
    static WhepAnswer parse(String sdp) {
        WhepAnswer answer = parseAny(sdp);
        if (answer.tracks().isEmpty()) {
            throw new IllegalArgumentException("the answer announces no SSRC: nothing would be sent");
        }
        return answer;
    }

    /**
     * Parses a WHEP or WHIP answer.
     *
     * @throws IllegalArgumentException an answer without ICE credentials, a UDP candidate or a
     *     fingerprint, or with no accepted section
     */
    static WhepAnswer parseAny(String sdp) {
        SessionDescription answer;
        try {
            answer = SdpParser.DEFAULT.parse(sdp);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("unparsable answer: " + e.getMessage(), e);
        }
        List<Section> sections = new ArrayList<>();
        TransportAttributes transport = null;
        for (MediaDescription m : answer.media()) {
            // BUNDLE (RFC 8843): every section shares the first one's transport; take the first with a candidate
            if (transport == null || transport.candidates().isEmpty()) {
                transport = m.transportOver(answer);
            }
            if (m.isPortZero()) {
                continue; // rejected (RFC 3264 §6)
            }
            int ssrc = m.ssrcs().isEmpty() ? 0 : (int) m.ssrcs().getFirst().ssrc();
            int pt = m.isRtp() ? Integer.parseInt(m.formats().getFirst()) : -1;
            sections.add(new Section(m.media(), m.mid().orElse(""), pt, ssrc,
                    extensionId(m, ExtMap.SDES_MID), extensionId(m, ExtMap.SDES_RTP_STREAM_ID)));
        }
        if (transport == null || transport.iceUfrag().isEmpty() || transport.icePwd().isEmpty()
                || transport.fingerprints().isEmpty()) {
            throw new IllegalArgumentException("the answer lacks ice-ufrag, ice-pwd or fingerprint");
        }
        Candidate c = transport.candidates().stream().filter(Candidate::isUdp).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the answer has no UDP candidate"));
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("the answer accepts no section");
        }
        return new WhepAnswer(transport.iceUfrag().get(), transport.icePwd().get(),
                new InetSocketAddress(c.address(), c.port()),
                DtlsFingerprint.parse(transport.fingerprints().getFirst().encode()), sections);
    }

    private static int extensionId(MediaDescription m, String uri) {
        return m.extmaps().stream().filter(e -> e.uri().equals(uri)).mapToInt(ExtMap::id).findFirst().orElse(-1);
    }
}
