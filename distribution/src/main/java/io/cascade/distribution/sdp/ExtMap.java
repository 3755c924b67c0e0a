// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Optional;

/**
 * An RTP header extension mapping, {@code a=extmap} (RFC 8285 §8):
 *
 * <pre>
 * extmap = mapentry SP extensionname [SP extensionattributes]
 * mapentry = "extmap:" 1*5DIGIT ["/" direction]
 * </pre>
 *
 * <p>Identifiers 1-14 fit the one-byte header form and 1-255 the two-byte form (§4.2, §4.3); the
 * range 4096-4351 that §7 reserves for offers that cannot yet choose is not used by browsers and
 * is skipped like any other malformed line. The names this server knows are constants here.
 *
 * @param id the local identifier, 1-255
 * @param direction the direction of the mapping when the writer restricted it
 * @param uri the extension name, a URI
 * @param attributes extension attributes, or empty
 */
public record ExtMap(int id, Optional<Direction> direction, String uri, String attributes) {
  /** RFC 8843 §15.2: the BUNDLE media identification, which lets bundled streams be demuxed. */
  public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  /** RFC 8852 §3.3: RtpStreamId, the rid of a simulcast layer. */
  public static final String SDES_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  /** RFC 8852 §3.4: RepairedRtpStreamId, the rid an RTX stream repairs. */
  public static final String SDES_REPAIRED_RTP_STREAM_ID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
  /** The abs-send-time extension of Google's receive-side estimator. */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  /** draft-holmer-rmcat-transport-wide-cc-extensions-01: transport-wide sequence numbers. */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  /** RFC 6464: client-to-mixer audio level. */
  public static final String SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  private static final String FIELD = "a=extmap";

  public ExtMap {
    if (id < 1 || id > 255) {
      throw new IllegalArgumentException("extmap id outside 1-255: " + id);
    }
    if (!SdpSyntax.isVisible(uri)) {
      throw new IllegalArgumentException("extension name must be visible characters");
    }
  }

  /** A mapping with no direction and no attributes. */
  public static ExtMap of(int id, String uri) {
    return new ExtMap(id, Optional.empty(), uri, "");
  }

  /** Decodes the attribute value after {@code a=extmap:}. */
  public static ExtMap decode(String attributeValue) throws SdpParseException {
    String entry = SdpSyntax.firstWord(attributeValue);
    String rest = SdpSyntax.afterFirstWord(attributeValue);
    int slash = entry.indexOf('/');
    int id = SdpSyntax.parseInt(slash < 0 ? entry : entry.substring(0, slash), 1, 255, FIELD);
    Optional<Direction> direction = Optional.empty();
    if (slash >= 0) {
      direction = Direction.fromAttribute(entry.substring(slash + 1));
      if (direction.isEmpty()) {
        throw new SdpParseException(FIELD, "unknown direction after '/'");
      }
    }
    String uri = SdpSyntax.firstWord(rest);
    if (!SdpSyntax.isVisible(uri)) {
      throw new SdpParseException(FIELD, "missing extension name");
    }
    return new ExtMap(id, direction, uri, SdpSyntax.afterFirstWord(rest));
  }

  /** The attribute value after {@code a=extmap:}. */
  public String encode() {
    String entry = direction.map(d -> id + "/" + d.attribute()).orElse(Integer.toString(id));
    return entry + " " + uri + (attributes.isEmpty() ? "" : " " + attributes);
  }
}
