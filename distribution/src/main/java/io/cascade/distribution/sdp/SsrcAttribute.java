// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * A source-level attribute, {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} (RFC 5576 §4.1), such
 * as {@code cname} (§6.1) or the legacy {@code msid}. A missing and an empty value are the same.
 *
 * @param ssrc the synchronisation source, 0 to 2^32-1
 * @param name the attribute name, a token
 * @param value the value, or empty
 */
public record SsrcAttribute(long ssrc, String name, String value) {
  private static final String FIELD = "a=ssrc";

  public SsrcAttribute {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL || !SdpSyntax.isToken(name)) {
      throw new IllegalArgumentException("bad ssrc attribute");
    }
    if (!value.equals(SdpSyntax.trim(value))) {
      throw new IllegalArgumentException("ssrc attribute value must be trimmed");
    }
  }

  /** Decodes the attribute value after {@code a=ssrc:}. */
  public static SsrcAttribute decode(String attributeValue) throws SdpParseException {
    long ssrc = SdpSyntax.parseLong(SdpSyntax.firstWord(attributeValue), 0, 0xFFFF_FFFFL, FIELD);
    String attribute = SdpSyntax.afterFirstWord(attributeValue);
    int colon = attribute.indexOf(':');
    String name = colon < 0 ? attribute : attribute.substring(0, colon);
    if (!SdpSyntax.isToken(name)) {
      throw new SdpParseException(FIELD, "missing or malformed source attribute name");
    }
    String value = colon < 0 ? "" : SdpSyntax.trim(attribute.substring(colon + 1));
    return new SsrcAttribute(ssrc, name, value);
  }

  /** The attribute value after {@code a=ssrc:}. */
  public String encode() {
    return ssrc + " " + name + (value.isEmpty() ? "" : ":" + value);
  }
}
