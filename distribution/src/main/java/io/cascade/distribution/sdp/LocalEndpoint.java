// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * This server's side of one WebRTC session, as the answer announces it.
 *
 * @param iceUfrag our ICE username fragment (RFC 8839 §5.4); at least 24 bits of randomness
 *     (RFC 8445 §5.3) is the caller's job
 * @param icePwd our ICE password (RFC 8839 §5.4); at least 128 bits of randomness (RFC 8445 §5.3)
 * @param fingerprint the fingerprint of our DTLS certificate (RFC 8122 §5)
 * @param candidates our candidates: as an ICE-lite server, host candidates on public addresses
 *     (RFC 8445 §2.5); the first is written as the default in {@code m=} and {@code c=}
 * @param cname the RTCP CNAME for the streams we send (RFC 3550 §6.5.1, RFC 7022)
 * @param streamId the msid stream id for the tracks we send (RFC 8830 §2)
 */
public record LocalEndpoint(
    String iceUfrag, String icePwd, Fingerprint fingerprint, List<Candidate> candidates,
    String cname, String streamId) {

  public LocalEndpoint {
    if (!TransportAttributes.isUfrag(iceUfrag) || !TransportAttributes.isPwd(icePwd)) {
      throw new IllegalArgumentException("ICE ufrag/pwd outside RFC 8839 §5.4");
    }
    if (!fingerprint.isVerifiable()) {
      throw new IllegalArgumentException("announce a SHA-256 or stronger fingerprint");
    }
    if (!SdpSyntax.isToken(cname) || !SdpSyntax.isToken(streamId) || streamId.length() > 64) {
      throw new IllegalArgumentException("cname and stream id must be tokens");
    }
    candidates = List.copyOf(candidates);
  }
}
