// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the annotated hex vectors under {@code src/test/resources/.../stun/vectors}. */
final class GoldenVectors {
  static final String RFC5769_REQUEST = "rfc5769-2.1-request.hex";
  static final String RFC5769_IPV4_RESPONSE = "rfc5769-2.2-ipv4-response.hex";
  static final String RFC5769_IPV6_RESPONSE = "rfc5769-2.3-ipv6-response.hex";
  static final String RFC5769_LONG_TERM_REQUEST = "rfc5769-2.4-long-term-request.hex";
  static final String RFC8489_B1_PUBLISHED = "rfc8489-b.1-as-published.hex";
  static final String RFC8489_B1_ERRATA = "rfc8489-b.1-errata-6268.hex";

  /** RFC 5769 §2.1-§2.3 short-term password. */
  static final String RFC5769_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
  /** RFC 5769 §2.4 and RFC 8489 B.1 user name, Katakana "matorikkusu". */
  static final String MATRIX_USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
  /** RFC 5769 §2.4 password before SASLprep; "TheMatrIX" after. */
  static final String MATRIX_PASSWORD = "The\u00ADM\u00AAtr\u2168";
  static final String MATRIX_REALM = "example.org";

  private GoldenVectors() {}

  /** The bytes of a vector: hex pairs, {@code #} to end of line is commentary. */
  static byte[] load(String name) {
    try (InputStream in = GoldenVectors.class.getResourceAsStream("vectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + name);
      }
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int comment = line.indexOf('#');
        hex.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
      }
      return HexFormat.of().parseHex(hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
