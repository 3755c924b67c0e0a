// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The character classes and number rules that the SDP grammars share, in one place so that every
 * element decoder reads them the same way.
 *
 * <ul>
 *   <li>{@code token-char} and {@code token}: RFC 8866 §9.
 *   <li>{@code ice-char}: RFC 8839 §5.1 ({@code ALPHA / DIGIT / "+" / "/"}).
 *   <li>Numbers are unsigned decimal digits with no sign, no leading {@code +} and a bounded
 *       length, so that {@code Long.parseLong}'s leniencies never reach the model.
 * </ul>
 */
final class SdpSyntax {
  private SdpSyntax() {}

  /** RFC 8866 §9: {@code %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E}. */
  static boolean isTokenChar(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D
        || c == 0x2E || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
        || (c >= 0x5E && c <= 0x7E);
  }

  /** A non-empty run of {@link #isTokenChar token-char}s. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8839 §5.1 {@code ice-char}, repeated {@code min} to {@code max} times. */
  static boolean isIceString(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && c != '+' && c != '/') {
        return false;
      }
    }
    return true;
  }

  /** Visible US-ASCII with no space ({@code %x21-7E}), for URIs and extension values. */
  static boolean isVisible(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** A decimal number of at most 18 digits in {@code [min, max]}, or the field's error. */
  static long parseLong(String s, long min, long max, String field) throws SdpParseException {
    if (s.isEmpty() || s.length() > 18) {
      throw new SdpParseException(field, "not a number: '" + abbreviate(s) + "'");
    }
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpParseException(field, "not a number: '" + abbreviate(s) + "'");
      }
      value = value * 10 + (c - '0');
    }
    if (value < min || value > max) {
      throw new SdpParseException(field, value + " is outside " + min + "-" + max);
    }
    return value;
  }

  /** {@link #parseLong} for values that fit an {@code int}. */
  static int parseInt(String s, int min, int max, String field) throws SdpParseException {
    return (int) parseLong(s, min, max, field);
  }

  /** Splits on runs of spaces and tabs, dropping empty pieces (RFC 8866 §5 asks for one SP). */
  static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean blank = i == s.length() || isBlank(s.charAt(i));
      if (blank && start >= 0) {
        words.add(s.substring(start, i));
        start = -1;
      } else if (!blank && start < 0) {
        start = i;
      }
    }
    return words;
  }

  /** Everything after the first word, trimmed; empty when there is only one word. */
  static String afterFirstWord(String s) {
    String trimmed = trim(s);
    int space = indexOfBlank(trimmed);
    return space < 0 ? "" : trim(trimmed.substring(space + 1));
  }

  /** The first word of {@code s}, trimmed. */
  static String firstWord(String s) {
    String trimmed = trim(s);
    int space = indexOfBlank(trimmed);
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  /** Removes leading and trailing SP and HTAB only (never other Unicode blanks). */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isBlank(s.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static int indexOfBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isBlank(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** An unmodifiable copy that keeps the iteration order (for fmtp and rid parameters). */
  static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** At most 40 characters of a value, for error messages about untrusted input. */
  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
