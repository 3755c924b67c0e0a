// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * The offerer's side of the one BUNDLE transport: what the ICE-lite agent checks incoming
 * connectivity checks against, and what the DTLS handshake must verify.
 *
 * <p>They come from the first section the answer accepts, with session-level values filling the
 * gaps (RFC 8839 §5.4, RFC 8122 §5). That is the offerer's tagged section, the first mid of the
 * BUNDLE group, whenever it is accepted (RFC 8843 §7.2); the values other bundled sections repeat
 * are not consulted.
 *
 * @param iceUfrag the peer's ufrag: the second half of the USERNAME in its checks, {@code
 *     ourUfrag:theirUfrag} (RFC 8445 §7.2.2)
 * @param icePwd the peer's password, which keys checks sent to the peer (RFC 8445 §7.2.2); an
 *     ICE-lite agent sends none, so it is kept for a full agent later
 * @param iceOptions the peer's ice-options ({@code trickle} means it may PATCH candidates later)
 * @param fingerprints the usable fingerprints (SHA-256 or stronger), strongest hash first
 * @param setup the offered {@code a=setup}, {@code active} when absent (RFC 4145 §4)
 * @param candidates the candidates in the offer, if it was sent after gathering
 */
public record RemoteTransport(
    String iceUfrag, String icePwd, List<String> iceOptions, List<Fingerprint> fingerprints,
    Setup setup, List<Candidate> candidates) {

  public RemoteTransport {
    iceOptions = List.copyOf(iceOptions);
    fingerprints = List.copyOf(fingerprints);
    candidates = List.copyOf(candidates);
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("a DTLS transport needs a fingerprint to verify");
    }
  }

  /**
   * Whether the peer's DER-encoded certificate matches the signalled fingerprint. Only the
   * strongest hash function offered is used, so that a weaker fingerprint next to a stronger one
   * cannot be the one that passes (RFC 8122 §5 lets an offer carry several).
   */
  public boolean verifies(byte[] certificateDer) {
    String strongest = fingerprints.getFirst().hashFunction();
    return fingerprints.stream().filter(f -> f.hashFunction().equals(strongest))
        .anyMatch(f -> f.matches(certificateDer));
  }

  /** Whether the peer supports trickle ICE (RFC 8840 §4.1: {@code a=ice-options:trickle}). */
  public boolean trickle() {
    return iceOptions.contains("trickle");
  }
}
