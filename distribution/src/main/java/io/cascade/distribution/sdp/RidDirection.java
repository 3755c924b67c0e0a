// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * The direction of a restriction identifier (RFC 8851 §10 {@code rid-dir}) and of a simulcast
 * stream list (RFC 8853 §5.1 {@code sc-send} / {@code sc-recv}), from the point of view of the
 * endpoint that wrote the description. Both grammars spell the values case-sensitively.
 */
public enum RidDirection {
  SEND("send"),
  RECV("recv");

  private final String value;

  RidDirection(String value) {
    this.value = value;
  }

  /** The wire spelling, {@code "send"} or {@code "recv"}. */
  public String value() {
    return value;
  }

  /** The other direction, which is how an answerer describes what the offerer sends. */
  public RidDirection reversed() {
    return this == SEND ? RECV : SEND;
  }

  /** Decodes the wire spelling; {@code field} names the attribute for the error. */
  static RidDirection decode(String value, String field) throws SdpParseException {
    for (RidDirection direction : values()) {
      if (direction.value.equals(value)) {
        return direction;
      }
    }
    throw new SdpParseException(field, "expected send or recv, got '"
        + SdpSyntax.abbreviate(value) + "'");
  }
}
