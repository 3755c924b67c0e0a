// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One payload type of an RTP media section, assembled from the m= line's format list and the
 * {@code a=rtpmap} (RFC 8866 §6.6), {@code a=fmtp} (§6.15) and {@code a=rtcp-fb} (RFC 4585 §4.2)
 * lines that name it.
 *
 * <p>Format parameters are kept as an ordered map. Most are {@code name=value} pairs separated by
 * {@code ;} (RFC 6184 §8.1, RFC 7587 §6.1, RFC 4588 §8.1); some codecs use other shapes (RED's
 * {@code 111/111}, telephone-event's {@code 0-15}), which are kept as a name with an empty value
 * and written back unchanged. Parameter names are compared without case (RFC 4855 §3) through
 * {@link #parameter}; the map keeps the spelling it was given.
 *
 * @param payloadType 0-127
 * @param name the encoding name from rtpmap, or empty when the section had no rtpmap for it
 * @param clockRate the RTP clock rate, or 0 without an rtpmap
 * @param channels the audio channel count (rtpmap's encoding parameters), or 0 when not given
 * @param parameters the format parameters in the order written
 * @param feedback the RTCP feedback types, in the order written ({@code *} lines included)
 */
public record Codec(
    int payloadType,
    String name,
    int clockRate,
    int channels,
    Map<String, String> parameters,
    List<RtcpFeedback> feedback) {
  /** The encoding name of RTX (RFC 4588 §8.1), whose {@code apt} names the repaired type. */
  public static final String RTX = "rtx";

  public Codec {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type outside 0-127: " + payloadType);
    }
    if (!name.isEmpty() && (!SdpSyntax.isToken(name) || clockRate < 1)) {
      throw new IllegalArgumentException("an encoding name needs a token and a clock rate");
    }
    parameters = SdpSyntax.orderedCopy(parameters);
    feedback = List.copyOf(feedback);
  }

  /** Whether the encoding name is {@code name}, compared without case (RFC 4855 §3). */
  public boolean is(String encodingName) {
    return name.equalsIgnoreCase(encodingName);
  }

  /** A format parameter, its name compared without case. */
  public Optional<String> parameter(String parameterName) {
    for (Map.Entry<String, String> entry : parameters.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(parameterName)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** For RTX, the payload type it repairs ({@code apt}, RFC 4588 §8.1), when valid. */
  public Optional<Integer> associatedPayloadType() {
    Optional<String> apt = parameter("apt");
    try {
      return apt.isPresent() ? Optional.of(SdpSyntax.parseInt(apt.get(), 0, 127, "apt"))
          : Optional.empty();
    } catch (SdpParseException e) {
      return Optional.empty();
    }
  }

  /** The rtpmap value after the payload type: {@code <name>/<clock>[/<channels>]}. */
  String encodeRtpmap() {
    return payloadType + " " + name + "/" + clockRate + (channels > 0 ? "/" + channels : "");
  }

  /** The fmtp value after the payload type, or empty when there are no parameters. */
  String encodeParameters() {
    StringBuilder out = new StringBuilder();
    parameters.forEach((key, value) -> {
      out.append(out.isEmpty() ? "" : ";").append(key);
      if (!value.isEmpty()) {
        out.append('=').append(value);
      }
    });
    return out.toString();
  }

  /**
   * Parses {@code <name>/<clock>[/<channels>]}; the channel count is the encoding parameter of
   * RFC 8866 §6.6 and means channels for audio only, but is kept whatever the media.
   */
  static Codec withRtpmap(Codec codec, String text) throws SdpParseException {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || !SdpSyntax.isToken(parts[0])) {
      throw new SdpParseException("a=rtpmap", "expected <encoding name>/<clock rate>[/<channels>]");
    }
    int clock = SdpSyntax.parseInt(parts[1], 1, Integer.MAX_VALUE, "a=rtpmap");
    int channels = parts.length == 3 ? SdpSyntax.parseInt(parts[2], 1, 255, "a=rtpmap") : 0;
    return new Codec(codec.payloadType, parts[0], clock, channels, codec.parameters,
        codec.feedback);
  }

  /**
   * Splits an fmtp value on {@code ;} into names and values (at the first {@code =}); pieces are
   * trimmed, empty ones and ones with an empty name are dropped, and a repeated name keeps its
   * first place and its last value.
   */
  static Map<String, String> parseParameters(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String piece : text.split(";", -1)) {
      String trimmed = SdpSyntax.trim(piece);
      int equals = trimmed.indexOf('=');
      String key = SdpSyntax.trim(equals < 0 ? trimmed : trimmed.substring(0, equals));
      String value = equals < 0 ? "" : SdpSyntax.trim(trimmed.substring(equals + 1));
      if (!key.isEmpty()) {
        parameters.put(key, value);
      }
    }
    return parameters;
  }

  /** The encoding name in lower case, for lookups. */
  String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }
}
