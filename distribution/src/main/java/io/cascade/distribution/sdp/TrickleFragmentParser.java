// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads trickle ICE fragments (RFC 8840 §9) from WHIP/WHEP PATCH bodies.
 *
 * <p>The same {@link SdpLimits} and line rules as {@link SdpParser} apply, and the same split
 * between fatal and skipped: a malformed {@code a=ice-ufrag}, {@code a=ice-pwd} or {@code a=mid}
 * fails the fragment, since an ICE restart or the section a candidate belongs to would be
 * guessed; a malformed candidate is skipped and counted, as RFC 8839 §5.1 asks for what cannot
 * be used. Lines other than ICE ones ({@code a=group}, and anything else) are ignored and counted.
 *
 * <p>Some clients leave the m= lines out and write {@code a=mid} directly before each section's
 * candidates; such an {@code a=mid} opens a section as an m= line would.
 */
public final class TrickleFragmentParser {
  /** A parser with {@link SdpLimits#DEFAULT}. */
  public static final TrickleFragmentParser DEFAULT = new TrickleFragmentParser(SdpLimits.DEFAULT);

  /**
   * A fragment and what was skipped reading it.
   *
   * @param fragment the fragment
   * @param skippedLines how many lines were skipped or ignored
   * @param firstSkipped the first {@link SdpParseResult#KEPT} problems
   */
  public record Result(TrickleFragment fragment, int skippedLines,
      List<SdpParseException> firstSkipped) {
    public Result {
      firstSkipped = List.copyOf(firstSkipped);
    }
  }

  private final SdpLimits limits;

  public TrickleFragmentParser(SdpLimits limits) {
    this.limits = limits;
  }

  /** Parses a fragment, dropping the list of skipped lines. */
  public TrickleFragment parse(String text) throws SdpParseException {
    return parseDetailed(text).fragment();
  }

  /** Parses a fragment and reports what was skipped. */
  public Result parseDetailed(String text) throws SdpParseException {
    SkippedLines skipped = new SkippedLines();
    return read(SdpLine.split(text, limits, skipped), skipped);
  }

  /** Parses a UTF-8 request body and reports what was skipped. */
  public Result parseDetailed(byte[] utf8) throws SdpParseException {
    SkippedLines skipped = new SkippedLines();
    return read(SdpLine.split(utf8, limits, skipped), skipped);
  }

  /** One section being read: whether an m= line opened it, its mid, its attributes. */
  private static final class Open {
    final boolean explicit;
    Optional<String> mid = Optional.empty();
    final TransportAttributesReader transport = new TransportAttributesReader(true);

    Open(boolean explicit) {
      this.explicit = explicit;
    }

    TrickleFragment.Section build() {
      return new TrickleFragment.Section(mid, transport.build());
    }
  }

  private Result read(List<SdpLine> lines, SkippedLines skipped) throws SdpParseException {
    TransportAttributesReader session = new TransportAttributesReader(true);
    List<Open> sections = new ArrayList<>();
    for (SdpLine line : lines) {
      try {
        if (!readLine(line, session, sections)) {
          skipped.add(new SdpParseException(line.number(), line.type() + "=", "not an ICE line"));
        }
      } catch (SdpParseException e) {
        SdpParseException located = e.atLine(line.number());
        if (!located.field().equals("a=candidate")) {
          throw located;
        }
        skipped.add(located);
      }
    }
    List<TrickleFragment.Section> media = sections.stream().map(Open::build).toList();
    return new Result(new TrickleFragment(session.build(), media), skipped.count(),
        skipped.first());
  }

  /** Reads one line; false when it is not an ICE line and was ignored. */
  private boolean readLine(SdpLine line, TransportAttributesReader session, List<Open> sections)
      throws SdpParseException {
    Open current = sections.isEmpty() ? null : sections.getLast();
    if (line.type() == 'm') {
      sections.add(newSection(sections, true, line));
      return true;
    }
    if (line.type() != 'a') {
      return false;
    }
    String name = line.attributeName();
    if (name.equals("mid")) {
      String mid = SdpSyntax.trim(line.attributeValue());
      if (!SdpSyntax.isToken(mid)) {
        throw new SdpParseException("a=mid", "identification-tag must be a token");
      }
      if (current == null || (!current.explicit && current.mid.isPresent())) {
        current = newSection(sections, false, line);
        sections.add(current);
      } else if (current.mid.isPresent()) {
        throw new SdpParseException("a=mid", "a second a=mid in one section");
      }
      current.mid = Optional.of(mid);
      return true;
    }
    TransportAttributesReader level = current == null ? session : current.transport;
    return level.read(name, line.attributeValue());
  }

  private Open newSection(List<Open> sections, boolean explicit, SdpLine line)
      throws SdpParseException {
    if (sections.size() == limits.maxMediaSections()) {
      throw new SdpParseException(line.number(), "m=", "more than " + limits.maxMediaSections()
          + " sections");
    }
    return new Open(explicit);
  }
}
