// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsFingerprint;
import io.cascade.distribution.sdp.Candidate;
import io.cascade.distribution.sdp.MediaDescription;
import io.cascade.distribution.sdp.SdpParseException;
import io.cascade.distribution.sdp.SdpParser;
import io.cascade.distribution.sdp.SessionDescription;
import io.cascade.distribution.sdp.TransportAttributes;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What a viewer needs from the gateway's WHEP answer: the ICE credentials to sign its checks
 * with (RFC 8445 §7.2.2), the host candidate to send them to (an ICE-lite server's only
 * candidates, RFC 8445 §2.5), the certificate fingerprint DTLS must see (RFC 8122 §5) and, per
 * accepted section, the SSRC the gateway announced for what it will send (RFC 5576 §4.1).
 *
 * @param remoteUfrag the gateway's ice-ufrag
 * @param remotePwd the gateway's ice-pwd
 * @param candidate where the checks, DTLS and RTCP go
 * @param fingerprint the gateway's certificate fingerprint
 * @param tracks the sections the gateway sends on, in answer order
 */
record WhepAnswer(String remoteUfrag, String remotePwd, InetSocketAddress candidate, DtlsFingerprint fingerprint,
                  List<Track> tracks) {

    /** One section the gateway sends: its kind ({@code video}/{@code audio}) and SSRC. */
    record Track(String kind, int ssrc) {}

    WhepAnswer {
        tracks = List.copyOf(tracks);
    }

    /**
     * Parses an answer.
     *
     * @throws IllegalArgumentException an answer without ICE credentials, a UDP candidate, a
     *     fingerprint or any SSRC: a gateway this viewer cannot play from
     */
    static WhepAnswer parse(String sdp) {
        SessionDescription answer;
        try {
            answer = SdpParser.DEFAULT.parse(sdp);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("unparsable WHEP answer: " + e.getMessage(), e);
        }
        List<Track> tracks = new ArrayList<>();
        TransportAttributes transport = null;
        for (MediaDescription m : answer.media()) {
            // BUNDLE (RFC 8843): every section shares the first one's transport; take the first with a candidate
            if (transport == null || transport.candidates().isEmpty()) {
                transport = m.transportOver(answer);
            }
            if (!m.ssrcs().isEmpty()) {
                tracks.add(new Track(m.media(), (int) m.ssrcs().getFirst().ssrc()));
            }
        }
        if (transport == null || transport.iceUfrag().isEmpty() || transport.icePwd().isEmpty()
                || transport.fingerprints().isEmpty()) {
            throw new IllegalArgumentException("the answer lacks ice-ufrag, ice-pwd or fingerprint");
        }
        Candidate c = transport.candidates().stream().filter(Candidate::isUdp).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the answer has no UDP candidate"));
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("the answer announces no SSRC: nothing would be sent");
        }
        return new WhepAnswer(transport.iceUfrag().get(), transport.icePwd().get(),
                new InetSocketAddress(c.address(), c.port()),
                DtlsFingerprint.parse(transport.fingerprints().getFirst().encode()), tracks);
    }
}
