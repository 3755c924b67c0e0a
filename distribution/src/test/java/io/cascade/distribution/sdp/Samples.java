// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** The sample offers under {@code src/test/resources} and a fixed local endpoint to answer them. */
final class Samples {
  static final String CHROME_WHIP = "chrome-whip-sendonly.sdp";
  static final String CHROME_WHEP = "chrome-whep-recvonly.sdp";
  static final String FFMPEG_WHIP = "ffmpeg-whip-sendonly.sdp";
  static final String FIREFOX_WHIP = "firefox-whip-sendonly.sdp";
  static final List<String> OFFERS = List.of(CHROME_WHIP, CHROME_WHEP, FFMPEG_WHIP, FIREFOX_WHIP);

  /** The fingerprint of our certificate in the samples (SHA-256 of the bytes "cascade"). */
  static final Fingerprint LOCAL_FINGERPRINT =
      Fingerprint.sha256("cascade".getBytes(StandardCharsets.US_ASCII));
  static final Candidate LOCAL_CANDIDATE =
      Candidate.host("1", "udp", 2130706431L, "192.0.2.10", 40000);
  static final LocalEndpoint LOCAL = new LocalEndpoint("srvU", "serverPassword0123456789",
      LOCAL_FINGERPRINT, List.of(LOCAL_CANDIDATE), "cascade", "cascade-stream");

  private Samples() {}

  static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription offer(String name) {
    return parse(text(name));
  }

  static SessionDescription parse(String text) {
    try {
      return SdpParser.DEFAULT.parse(text);
    } catch (SdpParseException e) {
      throw new AssertionError("sample does not parse: " + e.getMessage(), e);
    }
  }

  /** An answerer with the default capabilities and a fixed seed. */
  static SdpAnswerer answerer() {
    return new SdpAnswerer(MediaCapabilities.defaults(), new SplittableRandom(8829));
  }

  static Negotiation answer(String name) throws SdpNegotiationException {
    return answerer().answer(offer(name), LOCAL);
  }

  /** Replaces the first occurrence of a line (without its CRLF), failing if it is not there. */
  static String replaceLine(String sdp, String line, String replacement) {
    String target = line + "\r\n";
    if (!sdp.contains(target)) {
      throw new IllegalArgumentException("no line " + line);
    }
    return sdp.replaceFirst(java.util.regex.Pattern.quote(target),
        java.util.regex.Matcher.quoteReplacement(replacement.isEmpty() ? "" : replacement + "\r\n"));
  }

  /** Removes every occurrence of a line. */
  static String removeLines(String sdp, String line) {
    return sdp.replace(line + "\r\n", "");
  }
}
