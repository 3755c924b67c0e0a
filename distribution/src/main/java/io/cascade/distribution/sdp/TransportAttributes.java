// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The ICE and DTLS attributes of a session or media level (RFC 8839 §5, RFC 8842 §5, RFC 8122
 * §5). A media-level value overrides the session-level one (RFC 8839 §5.4, RFC 8122 §5); {@link
 * #over} applies that rule. Candidates are media-level only (RFC 8839 §5.1), so the session level
 * keeps none.
 *
 * @param iceUfrag {@code a=ice-ufrag}: 4-256 ice-chars (RFC 8839 §5.4)
 * @param icePwd {@code a=ice-pwd}: 22-256 ice-chars (RFC 8839 §5.4)
 * @param iceOptions {@code a=ice-options} tags such as {@code trickle} (RFC 8839 §5.6)
 * @param candidates {@code a=candidate} lines (RFC 8839 §5.1)
 * @param endOfCandidates {@code a=end-of-candidates} (RFC 8840 §8.2)
 * @param fingerprints {@code a=fingerprint} lines (RFC 8122 §5); there may be one per hash
 * @param setup {@code a=setup} (RFC 4145 §4, RFC 8842 §5)
 */
public record TransportAttributes(
    Optional<String> iceUfrag,
    Optional<String> icePwd,
    List<String> iceOptions,
    List<Candidate> candidates,
    boolean endOfCandidates,
    List<Fingerprint> fingerprints,
    Optional<Setup> setup) {
  /** RFC 8839 §5.4: {@code ice-ufrag = 4*256ice-char}. */
  public static final int MIN_UFRAG = 4;
  /** RFC 8839 §5.4: {@code ice-pwd = 22*256ice-char}. */
  public static final int MIN_PWD = 22;
  /** RFC 8839 §5.4: the longest ufrag or password. */
  public static final int MAX_ICE_STRING = 256;
  /** Nothing at all: what a level without transport attributes has. */
  public static final TransportAttributes NONE = new TransportAttributes(Optional.empty(),
      Optional.empty(), List.of(), List.of(), false, List.of(), Optional.empty());

  public TransportAttributes {
    if (iceUfrag.isPresent() && !isUfrag(iceUfrag.get())) {
      throw new IllegalArgumentException("ice-ufrag must be 4-256 ice-chars");
    }
    if (icePwd.isPresent() && !isPwd(icePwd.get())) {
      throw new IllegalArgumentException("ice-pwd must be 22-256 ice-chars");
    }
    iceOptions = List.copyOf(iceOptions);
    candidates = List.copyOf(candidates);
    fingerprints = List.copyOf(fingerprints);
  }

  /** What an ICE-lite DTLS endpoint announces in each section it accepts. */
  public static TransportAttributes of(String ufrag, String pwd, Fingerprint fingerprint,
      Setup setup, List<Candidate> candidates) {
    return new TransportAttributes(Optional.of(ufrag), Optional.of(pwd), List.of(), candidates,
        true, List.of(fingerprint), Optional.of(setup));
  }

  /** Whether {@code s} is a valid ice-ufrag. */
  public static boolean isUfrag(String s) {
    return SdpSyntax.isIceString(s, MIN_UFRAG, MAX_ICE_STRING);
  }

  /** Whether {@code s} is a valid ice-pwd. */
  public static boolean isPwd(String s) {
    return SdpSyntax.isIceString(s, MIN_PWD, MAX_ICE_STRING);
  }

  /**
   * These media-level attributes with the session level's filling the gaps: each media-level
   * attribute that is present wins (RFC 8839 §5.4 for ICE, RFC 8122 §5 and RFC 4145 §4 for
   * fingerprint and setup); ice-options and end-of-candidates may be written at either level.
   */
  public TransportAttributes over(TransportAttributes session) {
    return new TransportAttributes(
        iceUfrag.or(session::iceUfrag),
        icePwd.or(session::icePwd),
        iceOptions.isEmpty() ? session.iceOptions : iceOptions,
        candidates,
        endOfCandidates || session.endOfCandidates,
        fingerprints.isEmpty() ? session.fingerprints : fingerprints,
        setup.or(session::setup));
  }

  /** Whether nothing is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
