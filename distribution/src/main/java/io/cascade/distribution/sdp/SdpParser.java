// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tolerant reader of session descriptions (RFC 8866), for offers that arrive in WHIP and WHEP
 * requests.
 *
 * <p>What is fatal and what is not. A description must start with {@code v=0}, stay within the
 * {@link SdpLimits}, have well-formed {@code m=} lines and unique mids, and the lines the
 * connection's identity and security rest on must be well formed: {@code a=mid}, {@code
 * a=group}, {@code a=ice-ufrag}, {@code a=ice-pwd}, {@code a=fingerprint} and {@code a=setup}.
 * Anything else that is malformed is skipped and counted in the {@link SdpParseResult}: RFC 8866
 * §5 asks parsers to ignore what they do not understand, and browsers add attributes with every
 * release. Lines the model does not interpret are kept and written back by {@link SdpWriter}.
 *
 * <p>A malformed line that is skipped drops the value it carried; a skipped {@code a=rtcp-mux}
 * therefore reads as absent, which the answerer then rejects by name.
 */
public final class SdpParser {
  /** A parser with {@link SdpLimits#DEFAULT}. */
  public static final SdpParser DEFAULT = new SdpParser(SdpLimits.DEFAULT);

  /** Fields whose malformation fails the whole parse (see the class comment). */
  private static final Set<String> REQUIRED = Set.of("v=", "m=", "a=mid", "a=group",
      "a=ice-ufrag", "a=ice-pwd", "a=fingerprint", "a=setup");

  private final SdpLimits limits;

  public SdpParser(SdpLimits limits) {
    this.limits = limits;
  }

  /** Parses a description, dropping the list of skipped lines. */
  public SessionDescription parse(String text) throws SdpParseException {
    return parseDetailed(text).description();
  }

  /** Parses a description and reports what was skipped. */
  public SdpParseResult parseDetailed(String text) throws SdpParseException {
    SkippedLines skipped = new SkippedLines();
    return parseLines(SdpLine.split(text, limits, skipped), skipped);
  }

  /** Parses a UTF-8 request body and reports what was skipped. */
  public SdpParseResult parseDetailed(byte[] utf8) throws SdpParseException {
    SkippedLines skipped = new SkippedLines();
    return parseLines(SdpLine.split(utf8, limits, skipped), skipped);
  }

  private SdpParseResult parseLines(List<SdpLine> lines, SkippedLines skipped)
      throws SdpParseException {
    checkVersion(lines);
    SessionReader session = new SessionReader();
    List<MediaSectionReader> sections = new ArrayList<>();
    for (SdpLine line : lines.subList(1, lines.size())) {
      if (line.type() == 'm') {
        if (sections.size() == limits.maxMediaSections()) {
          throw new SdpParseException(line.number(), "m=", "more than "
              + limits.maxMediaSections() + " media sections");
        }
        sections.add(new MediaSectionReader(line, limits));
        continue;
      }
      try {
        if (sections.isEmpty()) {
          session.read(line);
        } else {
          sections.getLast().read(line);
        }
      } catch (SdpParseException e) {
        SdpParseException located = e.atLine(line.number());
        if (REQUIRED.contains(located.field())) {
          throw located;
        }
        skipped.add(located);
      }
    }
    checkMidsUnique(sections);
    List<MediaDescription> media = new ArrayList<>();
    for (MediaSectionReader section : sections) {
      media.add(section.build(session.defaultDirection()));
    }
    return new SdpParseResult(session.build(media), skipped.count(), skipped.first());
  }

  /** RFC 8866 §5.1: the first line is {@code v=0}. */
  private static void checkVersion(List<SdpLine> lines) throws SdpParseException {
    if (lines.isEmpty()) {
      throw new SdpParseException(0, "v=", "empty description");
    }
    SdpLine first = lines.getFirst();
    if (first.type() != 'v' || !first.value().equals("0")) {
      throw new SdpParseException(first.number(), "v=", "the first line must be v=0");
    }
  }

  /** RFC 5888 §4: an identification-tag is unique within the session. */
  private static void checkMidsUnique(List<MediaSectionReader> sections)
      throws SdpParseException {
    Map<String, Integer> seen = new HashMap<>();
    for (MediaSectionReader section : sections) {
      if (section.mid().isPresent()) {
        Integer first = seen.putIfAbsent(section.mid().get(), section.midLine());
        if (first != null) {
          throw new SdpParseException(section.midLine(), "a=mid", "mid '"
              + section.mid().get() + "' is already used on line " + first);
        }
      }
    }
  }
}
