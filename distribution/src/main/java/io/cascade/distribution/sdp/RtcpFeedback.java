// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * One RTCP feedback capability of a payload type, the part of {@code a=rtcp-fb} after the payload
 * type (RFC 4585 §4.2): a type such as {@code nack}, {@code ccm} (RFC 5104 §7.1), {@code
 * transport-cc} or {@code goog-remb}, and an optional parameter such as {@code pli} or {@code fir}.
 *
 * @param type the feedback type, a token
 * @param parameter the parameter, or empty
 */
public record RtcpFeedback(String type, String parameter) {
  /** Generic NACK (RFC 4585 §6.2.1). */
  public static final RtcpFeedback NACK = new RtcpFeedback("nack", "");
  /** Picture Loss Indication (RFC 4585 §6.3.1). */
  public static final RtcpFeedback NACK_PLI = new RtcpFeedback("nack", "pli");
  /** Full Intra Request (RFC 5104 §7.1). */
  public static final RtcpFeedback CCM_FIR = new RtcpFeedback("ccm", "fir");
  /** Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc). */
  public static final RtcpFeedback TRANSPORT_CC = new RtcpFeedback("transport-cc", "");
  /** Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb); not generated here. */
  public static final RtcpFeedback GOOG_REMB = new RtcpFeedback("goog-remb", "");

  public RtcpFeedback {
    if (!SdpSyntax.isToken(type)) {
      throw new IllegalArgumentException("feedback type must be a token");
    }
    if (!parameter.equals(SdpSyntax.trim(parameter)) || parameter.indexOf('\t') >= 0) {
      throw new IllegalArgumentException("feedback parameter must be trimmed");
    }
  }

  /** Decodes what follows the payload type: {@code <type> [<parameter>]}. */
  static RtcpFeedback decode(String text) throws SdpParseException {
    String type = SdpSyntax.firstWord(text);
    if (!SdpSyntax.isToken(type)) {
      throw new SdpParseException("a=rtcp-fb", "feedback type is not a token");
    }
    return new RtcpFeedback(type, String.join(" ", SdpSyntax.words(SdpSyntax.afterFirstWord(text))));
  }

  /** {@code <type>[ <parameter>]}. */
  public String encode() {
    return parameter.isEmpty() ? type : type + " " + parameter;
  }
}
