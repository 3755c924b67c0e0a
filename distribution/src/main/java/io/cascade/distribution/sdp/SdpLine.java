// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <type>=<value>} line (RFC 8866 §5) and the splitting of a document into them.
 *
 * <p>Lines end in CRLF, or LF alone, which §5 asks parsers to accept. Trailing spaces and tabs are
 * dropped (hand-written and some server descriptions have them), blank lines are ignored, and a
 * UTF-8 byte order mark before {@code v=} is ignored. A line that is not a lower-case letter, an
 * {@code =} and text without CR or NUL is skipped and counted. The size, line count and line
 * length limits are checked as the text is read, so an absurd body fails before it costs much.
 *
 * @param number the 1-based line number in the document
 * @param type the type letter
 * @param value the text after {@code =}
 */
record SdpLine(int number, char type, String value) {

  /** The line as it would be written, for keeping it verbatim. */
  String text() {
    return type + "=" + value;
  }

  /** For {@code a=} lines, the attribute name: the value up to the first colon. */
  String attributeName() {
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /** For {@code a=} lines, the attribute value after the first colon, or empty. */
  String attributeValue() {
    int colon = value.indexOf(':');
    return colon < 0 ? "" : value.substring(colon + 1);
  }

  /** Splits UTF-8 bytes, checking the byte size first; bad sequences become U+FFFD. */
  static List<SdpLine> split(byte[] utf8, SdpLimits limits, SkippedLines skipped)
      throws SdpParseException {
    checkSize(utf8.length, limits);
    return split(new String(utf8, StandardCharsets.UTF_8), limits, skipped);
  }

  /** Splits text whose UTF-8 size is at most {@link SdpLimits#maxBytes()}. */
  static List<SdpLine> split(String text, SdpLimits limits, SkippedLines skipped)
      throws SdpParseException {
    if (text.length() > limits.maxBytes()) {
      checkSize(text.length(), limits); // every char is at least one UTF-8 byte
    } else if (text.length() * 3L > limits.maxBytes()) {
      checkSize(StandardCharsets.UTF_8.encode(text).remaining(), limits);
    }
    List<SdpLine> lines = new ArrayList<>();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    int number = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      if (++number > limits.maxLines()) {
        throw new SdpParseException(0, "document", "more than " + limits.maxLines() + " lines");
      }
      addLine(text.substring(start, end), number, limits, lines, skipped);
      start = end + 1;
    }
    return lines;
  }

  private static void addLine(String raw, int number, SdpLimits limits, List<SdpLine> lines,
      SkippedLines skipped) throws SdpParseException {
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    if (line.length() > limits.maxLineLength()) {
      throw new SdpParseException(number, "line", "longer than " + limits.maxLineLength()
          + " characters");
    }
    line = stripTrailingBlanks(line);
    if (line.isEmpty()) {
      return;
    }
    char type = line.charAt(0);
    boolean shaped = line.length() >= 2 && line.charAt(1) == '=' && type >= 'a' && type <= 'z'
        && line.indexOf('\r') < 0 && line.indexOf('\0') < 0;
    if (!shaped) {
      skipped.add(new SdpParseException(number, "line", "not '<letter>=<value>'"));
      return;
    }
    lines.add(new SdpLine(number, type, line.substring(2)));
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static void checkSize(long bytes, SdpLimits limits) throws SdpParseException {
    if (bytes > limits.maxBytes()) {
      throw new SdpParseException(0, "document", bytes + " bytes is more than the "
          + limits.maxBytes() + " allowed");
    }
  }
}
