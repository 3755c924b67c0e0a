// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * A well-formed offer this server cannot answer at all. A section it cannot use is not an error:
 * it is rejected with port 0 and listed in {@link Negotiation#rejected()}. This is for the whole
 * offer, and its {@link #reason()} lets the WHIP/WHEP handler choose the HTTP status in one place
 * (400 for a broken offer, 406 or 488-like "not acceptable" for one with nothing in common).
 */
public final class SdpNegotiationException extends Exception {
  /** Why the offer cannot be answered. */
  public enum Reason {
    /** The offer has no media section, or none this server can accept. */
    NO_ACCEPTABLE_MEDIA,
    /** No {@code a=ice-ufrag} / {@code a=ice-pwd} for the transport (RFC 8839 §5.4). */
    ICE_CREDENTIALS,
    /** The peer is ICE-lite too, and two lite agents never run checks (RFC 8445 §2.5). */
    ICE_LITE_PEER,
    /** No fingerprint with SHA-256 or stronger (RFC 8122 §5, RFC 8827 §6.5). */
    FINGERPRINT,
    /** An {@code a=setup} value that leaves no DTLS role to take (RFC 4145 §4). */
    DTLS_SETUP
  }

  private final Reason reason;

  public SdpNegotiationException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** Why the offer cannot be answered. */
  public Reason reason() {
    return reason;
  }
}
