// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * A media grouping, {@code a=group:<semantics> *(SP identification-tag)} (RFC 5888 §5). The one
 * this server acts on is {@code BUNDLE} (RFC 8843 §7): every section it lists shares one
 * transport, and the first listed is the offerer's tagged section.
 *
 * @param semantics for example {@code BUNDLE} or {@code LS}
 * @param mids the identification tags ({@code a=mid} values) in order
 */
public record Group(String semantics, List<String> mids) {
  /** RFC 8843 §7: bundled media. */
  public static final String BUNDLE = "BUNDLE";

  private static final String FIELD = "a=group";

  public Group {
    if (!SdpSyntax.isToken(semantics) || !mids.stream().allMatch(SdpSyntax::isToken)) {
      throw new IllegalArgumentException("group semantics and mids must be tokens");
    }
    mids = List.copyOf(mids);
  }

  /** Decodes the attribute value after {@code a=group:}. */
  public static Group decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.isEmpty() || !words.stream().allMatch(SdpSyntax::isToken)) {
      throw new SdpParseException(FIELD, "expected '<semantics> *(SP <mid>)' of tokens");
    }
    return new Group(words.get(0), words.subList(1, words.size()));
  }

  /** Whether this is a BUNDLE group. */
  public boolean isBundle() {
    return semantics.equals(BUNDLE);
  }

  /** The attribute value after {@code a=group:}. */
  public String encode() {
    return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
  }
}
