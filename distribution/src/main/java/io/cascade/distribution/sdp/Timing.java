// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;

/**
 * The timing line, {@code t=<start-time> <stop-time>} (RFC 8866 §5.9), in NTP seconds. WebRTC
 * sessions are unbounded and write {@code t=0 0} (RFC 8829 §5.2.1).
 */
public record Timing(long start, long stop) {
  /** {@code t=0 0}: a permanent session. */
  public static final Timing UNBOUNDED = new Timing(0, 0);

  private static final String FIELD = "t=";
  private static final long MAX = 999_999_999_999_999_999L;

  public Timing {
    if (start < 0 || stop < 0 || start > MAX || stop > MAX) {
      throw new IllegalArgumentException("times must be 0-" + MAX);
    }
  }

  /** Decodes the value after {@code t=}. */
  public static Timing decode(String value) throws SdpParseException {
    List<String> w = SdpSyntax.words(value);
    if (w.size() != 2) {
      throw new SdpParseException(FIELD, "expected '<start-time> <stop-time>'");
    }
    return new Timing(SdpSyntax.parseLong(w.get(0), 0, MAX, FIELD),
        SdpSyntax.parseLong(w.get(1), 0, MAX, FIELD));
  }

  /** The value after {@code t=}. */
  public String encode() {
    return start + " " + stop;
  }
}
