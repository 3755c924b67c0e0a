// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A source group, {@code a=ssrc-group:<semantics> *(SP ssrc-id)} (RFC 5576 §4.2). WebRTC uses
 * {@code FID} (RFC 5576 §7.1: the first SSRC's retransmissions, RTX per RFC 4588 §8.3, flow on the
 * second) and {@code SIM} (legacy simulcast without rids, lowest layer first).
 *
 * @param semantics the grouping semantics, a token
 * @param ssrcs the member sources, in order
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
  /** Flow identification: primary then repair (RTX) SSRC. */
  public static final String FID = "FID";
  /** Simulcast layers signalled by SSRC. */
  public static final String SIM = "SIM";

  private static final String FIELD = "a=ssrc-group";

  public SsrcGroup {
    if (!SdpSyntax.isToken(semantics)) {
      throw new IllegalArgumentException("semantics must be a token");
    }
    ssrcs = List.copyOf(ssrcs);
  }

  /** Decodes the attribute value after {@code a=ssrc-group:}. */
  public static SsrcGroup decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.size() < 2 || !SdpSyntax.isToken(words.get(0))) {
      throw new SdpParseException(FIELD, "expected '<semantics> <ssrc> ...'");
    }
    List<Long> ssrcs = new ArrayList<>();
    for (String word : words.subList(1, words.size())) {
      ssrcs.add(SdpSyntax.parseLong(word, 0, 0xFFFF_FFFFL, FIELD));
    }
    return new SsrcGroup(words.get(0), ssrcs);
  }

  /** The attribute value after {@code a=ssrc-group:}. */
  public String encode() {
    StringBuilder out = new StringBuilder(semantics);
    ssrcs.forEach(ssrc -> out.append(' ').append(ssrc));
    return out.toString();
  }
}
