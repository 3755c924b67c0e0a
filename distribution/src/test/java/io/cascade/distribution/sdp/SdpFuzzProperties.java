// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The properties the SDP fuzz targets check, shared by the Jazzer {@code @FuzzTest}s and {@link
 * SdpSeededMutationTest}. Each returns normally or throws {@link AssertionError}; any other
 * exception escaping is itself a finding, because the parsers may only throw {@link
 * SdpParseException} and the answerer only {@link SdpNegotiationException}.
 */
final class SdpFuzzProperties {
  /**
   * Limits for reading back what the writer wrote: writing can make a description longer than
   * it came (an explicit a=sendrecv, a=rtcp-fb:* spelled out per payload type, a default o=).
   */
  static final SdpLimits RELAXED = new SdpLimits(1 << 24, 1 << 20, 1 << 20, 1 << 12, 1 << 12);
  private static final SdpParser RELAXED_PARSER = new SdpParser(RELAXED);
  private static final TrickleFragmentParser RELAXED_FRAGMENTS = new TrickleFragmentParser(RELAXED);

  private SdpFuzzProperties() {}

  /**
   * Any bytes: parsing fails with a typed exception or gives a description that writes, parses
   * back equal and writes again identically; answering it fails with a typed exception or gives
   * an answer with one section per offered one that also round-trips.
   */
  static void sessionDescription(byte[] input) {
    SdpParseResult first;
    try {
      first = SdpParser.DEFAULT.parseDetailed(input);
    } catch (SdpParseException expected) {
      check(expected.line() >= 0 && !expected.field().isEmpty(), "unnamed error", input);
      return;
    }
    check(first.firstSkipped().size() == Math.min(first.skippedLines(), SdpParseResult.KEPT),
        "skipped count and kept problems disagree", input);
    String written = SdpWriter.write(first.description());
    SessionDescription second = reparse(written, input);
    check(second.equals(first.description()), "parse, write, parse changed the description",
        input);
    check(SdpWriter.write(second).equals(written), "writing is not stable", input);
    answer(first.description(), input);
  }

  private static void answer(SessionDescription offer, byte[] input) {
    Negotiation negotiation;
    try {
      negotiation = new SdpAnswerer(MediaCapabilities.defaults(), new SplittableRandom(1))
          .answer(offer, Samples.LOCAL);
    } catch (SdpNegotiationException expected) {
      return;
    }
    SessionDescription answer = negotiation.answer();
    check(answer.media().size() == offer.media().size(), "answer has another section count",
        input);
    check(negotiation.media().size() + negotiation.rejected().size() == offer.media().size(),
        "sections neither accepted nor rejected", input);
    for (NegotiatedMedia media : negotiation.media()) {
      MediaDescription offered = offer.media().get(media.index());
      MediaDescription answered = answer.media().get(media.index());
      check(offered.rtcpMux() && answered.rtcpMux(), "accepted without rtcp-mux", input);
      check(answered.mid().equals(Optional.of(media.mid())), "mid changed", input);
      check(offered.formats().containsAll(answered.formats()), "payload type not offered", input);
      check(answered.direction() == offered.direction().mirrored(), "direction", input);
    }
    check(reparse(negotiation.answerText(), input).equals(answer), "answer does not round-trip",
        input);
  }

  /** Any bytes: a fragment that parses encodes, parses back equal and encodes identically. */
  static void trickleFragment(byte[] input) {
    TrickleFragment first;
    try {
      first = TrickleFragmentParser.DEFAULT.parseDetailed(input).fragment();
    } catch (SdpParseException expected) {
      return;
    }
    String encoded = first.encode();
    TrickleFragment second;
    try {
      second = RELAXED_FRAGMENTS.parse(encoded);
    } catch (SdpParseException e) {
      throw new AssertionError("encoded fragment does not parse: " + e.getMessage() + show(input));
    }
    check(second.equals(first), "parse, encode, parse changed the fragment", input);
    check(second.encode().equals(encoded), "encoding is not stable", input);
  }

  private static SessionDescription reparse(String written, byte[] input) {
    try {
      return RELAXED_PARSER.parse(written);
    } catch (SdpParseException e) {
      throw new AssertionError("written description does not parse: " + e.getMessage()
          + show(input));
    }
  }

  private static void check(boolean condition, String problem, byte[] input) {
    if (!condition) {
      throw new AssertionError(problem + show(input));
    }
  }

  private static String show(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    return " for input:\n" + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
  }
}
