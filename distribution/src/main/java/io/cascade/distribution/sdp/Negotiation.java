// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of answering an offer: the answer to send back, and everything the WebRTC
 * transport configures itself from.
 *
 * @param answer the answer; {@link #answerText()} writes it
 * @param media the accepted sections, in order
 * @param rejected the rejected sections and why, in order
 * @param remote the peer's ICE credentials, fingerprints and setup for the BUNDLE transport
 * @param dtlsRole this server's DTLS role, from the offered setup (RFC 8842 §5.2)
 */
public record Negotiation(
    SessionDescription answer, List<NegotiatedMedia> media, List<RejectedMedia> rejected,
    RemoteTransport remote, DtlsRole dtlsRole) {

  public Negotiation {
    media = List.copyOf(media);
    rejected = List.copyOf(rejected);
  }

  /** The answer as {@code application/sdp} text. */
  public String answerText() {
    return SdpWriter.write(answer);
  }

  /** The accepted section with this mid. */
  public Optional<NegotiatedMedia> media(String mid) {
    return media.stream().filter(m -> m.mid().equals(mid)).findFirst();
  }
}
