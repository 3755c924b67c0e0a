// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Comparator;
import java.util.List;

/**
 * Where the lines the model does not interpret go when a description is written back.
 *
 * <p>RFC 8866 §5 fixes the order of the line types: {@code v o s i u e p c b t r z k a} at
 * session level and {@code m i c b k a} in a media section. Kept lines are placed by type into
 * the slot around the lines the model writes itself, and within a slot they keep their order. The
 * records store them already sorted this way, so that parse, write and parse again give equal
 * records.
 */
final class OtherLines {
  /** Session slots: before c=, between c= and t=, after t=, attributes. */
  static final int SESSION_BEFORE_C = 0;
  static final int SESSION_BEFORE_T = 1;
  static final int SESSION_AFTER_T = 2;
  /** Media slots: before c=, after c=, attributes. */
  static final int MEDIA_BEFORE_C = 0;
  static final int MEDIA_AFTER_C = 1;
  /** The attribute slot, last at either level. */
  static final int ATTRIBUTES = 3;

  private OtherLines() {}

  /** The session-level slot of a kept line. */
  static int sessionSlot(String line) {
    return switch (line.charAt(0)) {
      case 'i', 'u', 'e', 'p' -> SESSION_BEFORE_C;
      case 'b' -> SESSION_BEFORE_T;
      case 'a' -> ATTRIBUTES;
      default -> SESSION_AFTER_T;
    };
  }

  /** The media-level slot of a kept line. */
  static int mediaSlot(String line) {
    return switch (line.charAt(0)) {
      case 'i' -> MEDIA_BEFORE_C;
      case 'a' -> ATTRIBUTES;
      default -> MEDIA_AFTER_C;
    };
  }

  /** The lines sorted by session slot, stably. */
  static List<String> sessionOrder(List<String> lines) {
    check(lines);
    return lines.stream().sorted(Comparator.comparingInt(OtherLines::sessionSlot)).toList();
  }

  /** The lines sorted by media slot, stably. */
  static List<String> mediaOrder(List<String> lines) {
    check(lines);
    return lines.stream().sorted(Comparator.comparingInt(OtherLines::mediaSlot)).toList();
  }

  /**
   * A kept line is {@code <letter>=<text>} with no CR, LF or NUL (RFC 8866 §5) and no trailing
   * blanks, and not {@code v=} or {@code m=}; anything else would not read back as itself.
   */
  private static void check(List<String> lines) {
    for (String line : lines) {
      if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a'
          || line.charAt(0) > 'z' || line.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)
          || line.charAt(0) == 'm' || line.charAt(0) == 'v'
          || !line.equals(SdpSyntax.trim(line))) {
        throw new IllegalArgumentException("not a keepable SDP line");
      }
    }
  }
}
