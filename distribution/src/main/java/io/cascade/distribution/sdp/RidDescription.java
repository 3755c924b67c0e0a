// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restriction identifier, {@code a=rid} (RFC 8851 §10):
 *
 * <pre>
 * rid-syntax        = %s"a=rid:" rid-id SP rid-dir [ rid-pt-param-list / rid-param-list ]
 * rid-id            = 1*(alpha-numeric / "-" / "_")
 * rid-pt-param-list = SP rid-fmt-list *( ";" rid-param )
 * rid-param-list    = SP rid-param *( ";" rid-param )
 * rid-fmt-list      = %s"pt=" fmt *( "," fmt )
 * rid-param         = param-name [ "=" param-val ]   ; max-width, max-fps, depend, ...
 * </pre>
 *
 * <p>For simulcast each rid names one RTP stream (RFC 8853 §5.1), carried on the wire in the
 * RtpStreamId header extension (RFC 8852). A rid-id is at most 255 characters here, the most an
 * SDES item can hold (RFC 3550 §6.5).
 *
 * @param id the rid-id
 * @param direction who sends the stream, from the writer's point of view
 * @param payloadTypes the {@code pt=} restriction, or empty for "any payload type of the section"
 * @param restrictions the other restrictions ({@code max-width=1280}, ...) in order
 */
public record RidDescription(
    String id, RidDirection direction, List<Integer> payloadTypes,
    Map<String, String> restrictions) {
  private static final String FIELD = "a=rid";
  private static final int MAX_ID = 255;

  public RidDescription {
    if (!isRidId(id)) {
      throw new IllegalArgumentException("rid-id must be 1-255 alphanumerics, '-' or '_'");
    }
    payloadTypes = List.copyOf(payloadTypes);
    restrictions = SdpSyntax.orderedCopy(restrictions);
  }

  /** A rid with no restrictions. */
  public static RidDescription of(String id, RidDirection direction) {
    return new RidDescription(id, direction, List.of(), Map.of());
  }

  /** Whether {@code text} is a valid rid-id (RFC 8851 §10), also used by simulcast. */
  static boolean isRidId(String text) {
    if (text.isEmpty() || text.length() > MAX_ID) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Decodes the attribute value after {@code a=rid:}. */
  public static RidDescription decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.size() < 2) {
      throw new SdpParseException(FIELD, "expected '<rid-id> <send|recv> [<restrictions>]'");
    }
    if (!isRidId(words.get(0))) {
      throw new SdpParseException(FIELD, "rid-id must be 1-255 alphanumerics, '-' or '_'");
    }
    RidDirection direction = RidDirection.decode(words.get(1), FIELD);
    List<Integer> payloadTypes = new ArrayList<>();
    Map<String, String> restrictions = new LinkedHashMap<>();
    // The grammar has no spaces in the list; joining tolerates "pt=96; max-width=640".
    String list = String.join(" ", words.subList(2, words.size()));
    if (!list.isEmpty()) {
      for (Map.Entry<String, String> p : Codec.parseParameters(list).entrySet()) {
        if (p.getKey().equals("pt") && payloadTypes.isEmpty() && restrictions.isEmpty()) {
          payloadTypes = payloadTypes(p.getValue());
        } else if (!SdpSyntax.isToken(p.getKey()) || p.getKey().equals("pt")) {
          throw new SdpParseException(FIELD, "bad restriction '"
              + SdpSyntax.abbreviate(p.getKey()) + "'");
        } else {
          restrictions.put(p.getKey(), p.getValue());
        }
      }
    }
    return new RidDescription(words.get(0), direction, payloadTypes, restrictions);
  }

  private static List<Integer> payloadTypes(String list) throws SdpParseException {
    List<Integer> payloadTypes = new ArrayList<>();
    for (String fmt : list.split(",", -1)) {
      int pt = SdpSyntax.parseInt(fmt, 0, 127, FIELD);
      if (payloadTypes.contains(pt)) {
        throw new SdpParseException(FIELD, "payload type " + pt + " listed twice");
      }
      payloadTypes.add(pt);
    }
    return payloadTypes;
  }

  /** The attribute value after {@code a=rid:}. */
  public String encode() {
    StringBuilder params = new StringBuilder();
    if (!payloadTypes.isEmpty()) {
      params.append("pt=");
      payloadTypes.forEach(pt -> params.append(params.length() > 3 ? "," : "").append(pt));
    }
    restrictions.forEach((key, value) -> params.append(params.isEmpty() ? "" : ";").append(key)
        .append(value.isEmpty() ? "" : "=" + value));
    return id + " " + direction.value() + (params.isEmpty() ? "" : " " + params);
  }
}
