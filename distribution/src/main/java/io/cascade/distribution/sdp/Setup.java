// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * The {@code a=setup} attribute (RFC 4145 §4, used for DTLS by RFC 8842 §5): which end opens the
 * DTLS association. {@code active} is the DTLS client, {@code passive} the server; an offer says
 * {@code actpass} to let the answerer choose (RFC 8842 §5.2 requires JSEP offerers to), and an
 * answer must say {@code active} or {@code passive}.
 */
public enum Setup {
  ACTIVE("active"),
  PASSIVE("passive"),
  ACTPASS("actpass"),
  HOLDCONN("holdconn");

  private final String value;

  Setup(String value) {
    this.value = value;
  }

  /** The attribute value, for example {@code "actpass"}. */
  public String value() {
    return value;
  }

  /** Decodes an attribute value; ABNF quoted strings match without case (RFC 5234 §2.3). */
  public static Setup decode(String value) throws SdpParseException {
    for (Setup setup : values()) {
      if (setup.value.equalsIgnoreCase(value)) {
        return setup;
      }
    }
    throw new SdpParseException("a=setup", "unknown role '" + SdpSyntax.abbreviate(value) + "'");
  }
}
