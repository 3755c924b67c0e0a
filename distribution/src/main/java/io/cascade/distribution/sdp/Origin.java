// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * The origin line, {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>} (RFC 8866 §5.2). WebRTC endpoints put no meaning in it beyond the session id
 * and version (RFC 8829 §5.2.1 writes {@code o=- <random> <version> IN IP4 127.0.0.1}); the ids are
 * kept as digit strings because writers differ in how large they make them.
 */
public record Origin(
    String username, String sessionId, String sessionVersion, String netType, String addrType,
    String address) {
  private static final String FIELD = "o=";

  public Origin {
    for (String field : List.of(username, netType, addrType)) {
      if (!SdpSyntax.isToken(field)) {
        throw new IllegalArgumentException("origin fields must be tokens: " + field);
      }
    }
    if (!isDigits(sessionId) || !isDigits(sessionVersion) || !SdpSyntax.isVisible(address)) {
      throw new IllegalArgumentException("malformed origin");
    }
  }

  /** What a session without a usable o= line is given, like the JSEP default. */
  public static Origin placeholder() {
    return new Origin("-", "0", "0", "IN", "IP4", "127.0.0.1");
  }

  /** Decodes the value after {@code o=}. */
  public static Origin decode(String value) throws SdpParseException {
    List<String> w = SdpSyntax.words(value);
    if (w.size() != 6) {
      throw new SdpParseException(FIELD, "expected 6 fields, got " + w.size());
    }
    for (int i : new int[] {0, 3, 4}) {
      if (!SdpSyntax.isToken(w.get(i))) {
        throw new SdpParseException(FIELD, "field " + (i + 1) + " is not a token");
      }
    }
    if (!isDigits(w.get(1)) || !isDigits(w.get(2))) {
      throw new SdpParseException(FIELD, "session id and version must be 1-20 digits");
    }
    if (!SdpSyntax.isVisible(w.get(5))) {
      throw new SdpParseException(FIELD, "unicast address is not visible characters");
    }
    return new Origin(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4), w.get(5));
  }

  /** The value after {@code o=}. */
  public String encode() {
    return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.length() <= 20 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
