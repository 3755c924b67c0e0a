// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * A media stream identification, {@code a=msid:<msid-id> [<msid-appdata>]} (RFC 8830 §2): the
 * MediaStream the section's track belongs to and, from older writers, the track id. Chromium
 * writes {@code -} as the stream id for a track without a stream.
 *
 * @param streamId 1-64 token characters
 * @param trackId 1-64 token characters, or empty
 */
public record Msid(String streamId, String trackId) {
  private static final String FIELD = "a=msid";
  private static final int MAX = 64;

  public Msid {
    if (!valid(streamId) || !(trackId.isEmpty() || valid(trackId))) {
      throw new IllegalArgumentException("msid ids are 1-64 token characters");
    }
  }

  /** Decodes the attribute value after {@code a=msid:}. */
  public static Msid decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.isEmpty() || words.size() > 2 || !valid(words.get(0))
        || (words.size() == 2 && !valid(words.get(1)))) {
      throw new SdpParseException(FIELD, "expected 1-64 token characters, once or twice");
    }
    return new Msid(words.get(0), words.size() == 2 ? words.get(1) : "");
  }

  /** The attribute value after {@code a=msid:}. */
  public String encode() {
    return trackId.isEmpty() ? streamId : streamId + " " + trackId;
  }

  private static boolean valid(String id) {
    return id.length() <= MAX && SdpSyntax.isToken(id);
  }
}
