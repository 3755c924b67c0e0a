// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trickle ICE fragment, the {@code application/trickle-ice-sdpfrag} body of a WHIP or WHEP
 * PATCH (RFC 8840 §9, RFC 9725 §4.3.1): ICE credentials, and candidates grouped by media section.
 *
 * <pre>
 * a=ice-options:trickle ice2
 * a=group:BUNDLE 0 1
 * m=audio 9 RTP/AVP 0
 * a=mid:0
 * a=ice-ufrag:EsAw
 * a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1
 * a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0
 * a=end-of-candidates
 * </pre>
 *
 * <p>The m= lines of a fragment are placeholders (RFC 8840 §9 writes {@code m=audio 9 RTP/AVP 0});
 * the mid says which section a candidate belongs to. Credentials that differ from the session's
 * current ones mean an ICE restart (RFC 8840 §4.5, RFC 9725 §4.3.2), which is the caller's to
 * notice. Read with {@link TrickleFragmentParser}.
 *
 * @param session session-level ICE attributes; candidates found before any section are kept here
 * @param media the sections, in order
 */
public record TrickleFragment(TransportAttributes session, List<Section> media) {
  /** The placeholder m= line written for each section (RFC 8840 §9). */
  static final String PLACEHOLDER_M_LINE = "m=audio 9 RTP/AVP 0";

  /**
   * One section of a fragment.
   *
   * @param mid the section's mid, if the fragment named it
   * @param transport the ICE attributes and candidates given for it
   */
  public record Section(Optional<String> mid, TransportAttributes transport) {
    public Section {
      if (mid.isPresent() && !SdpSyntax.isToken(mid.get())) {
        throw new IllegalArgumentException("mid must be a token");
      }
    }
  }

  public TrickleFragment {
    media = List.copyOf(media);
  }

  /** The ufrag the fragment gives, session-level first (RFC 8839 §5.4). */
  public Optional<String> iceUfrag() {
    return session.iceUfrag().or(() -> media.stream().map(s -> s.transport().iceUfrag())
        .flatMap(Optional::stream).findFirst());
  }

  /** The password the fragment gives, session-level first. */
  public Optional<String> icePwd() {
    return session.icePwd().or(() -> media.stream().map(s -> s.transport().icePwd())
        .flatMap(Optional::stream).findFirst());
  }

  /** Every candidate, session-level ones first, then each section's in order. */
  public List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>(session.candidates());
    media.forEach(s -> all.addAll(s.transport().candidates()));
    return all;
  }

  /** Whether the fragment says the peer has gathered all its candidates (RFC 8840 §8.2). */
  public boolean endOfCandidates() {
    return session.endOfCandidates() || media.stream().anyMatch(s -> s.transport()
        .endOfCandidates());
  }

  /** The fragment as text with CRLF line endings. */
  public String encode() {
    StringBuilder out = new StringBuilder(512);
    transport(out, session);
    for (Section section : media) {
      out.append(PLACEHOLDER_M_LINE).append("\r\n");
      section.mid().ifPresent(mid -> out.append("a=mid:").append(mid).append("\r\n"));
      transport(out, section.transport());
    }
    return out.toString();
  }

  private static void transport(StringBuilder out, TransportAttributes t) {
    List<String> lines = new ArrayList<>();
    if (!t.iceOptions().isEmpty()) {
      lines.add("a=ice-options:" + String.join(" ", t.iceOptions()));
    }
    t.iceUfrag().ifPresent(u -> lines.add("a=ice-ufrag:" + u));
    t.icePwd().ifPresent(p -> lines.add("a=ice-pwd:" + p));
    t.fingerprints().forEach(f -> lines.add("a=fingerprint:" + f.encode()));
    t.setup().ifPresent(s -> lines.add("a=setup:" + s.value()));
    t.candidates().forEach(c -> lines.add("a=candidate:" + c.encode()));
    if (t.endOfCandidates()) {
      lines.add("a=end-of-candidates");
    }
    lines.forEach(line -> out.append(line).append("\r\n"));
  }
}
