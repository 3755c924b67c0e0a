// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * Which end of the DTLS handshake this server takes, which follows from {@code a=setup} (RFC 8842
 * §5.1, RFC 4145 §4): {@code active} is the client that sends the ClientHello, {@code passive}
 * the server that waits for it.
 */
public enum DtlsRole {
  /** {@code a=setup:active}: this server sends the ClientHello. */
  CLIENT(Setup.ACTIVE),
  /** {@code a=setup:passive}: this server waits for the peer's ClientHello. */
  SERVER(Setup.PASSIVE);

  private final Setup setup;

  DtlsRole(Setup setup) {
    this.setup = setup;
  }

  /** The {@code a=setup} value of the answer for this role. */
  public Setup setup() {
    return setup;
  }

  /**
   * The answerer's role for an offered setup (RFC 8842 §5.2 and RFC 4145 §4): server for
   * {@code actpass} (browsers) and {@code active}, client for {@code passive} (ffmpeg's WHIP
   * muxer offers passive). Absent means {@code active} (RFC 4145 §4).
   *
   * @throws SdpNegotiationException for {@code holdconn}, which asks for no connection
   */
  static DtlsRole answering(Setup offered) throws SdpNegotiationException {
    return switch (offered) {
      case ACTPASS, ACTIVE -> SERVER;
      case PASSIVE -> CLIENT;
      case HOLDCONN -> throw new SdpNegotiationException(SdpNegotiationException.Reason.DTLS_SETUP,
          "a=setup:holdconn offers no connection (RFC 4145 §4)");
    };
  }
}
