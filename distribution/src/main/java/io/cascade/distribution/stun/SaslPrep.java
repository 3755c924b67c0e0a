// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.text.Normalizer;

/**
 * The string preparation applied to passwords and realms before deriving STUN keys.
 *
 * <p>RFC 5389 §15.4 used SASLprep (RFC 4013); RFC 8489 §9.2.2 replaced it with the PRECIS
 * OpaqueString profile (RFC 8265 §4.2). What we do, and why:
 *
 * <ol>
 *   <li>Map non-ASCII spaces (RFC 3454 table C.1.2) to U+0020 - both profiles do this.
 *   <li>Remove the "commonly mapped to nothing" characters (table B.1), such as the soft hyphen.
 *   <li>Normalize to NFKC.
 *   <li>Reject control characters, private-use code points, non-characters, surrogates and the
 *       tagging and display-changing characters (tables C.2-C.9).
 * </ol>
 *
 * <p>Steps 2 and 3 are SASLprep, not OpaqueString (which uses NFC and rejects instead of removing
 * ignorable characters). We follow SASLprep because RFC 5769 §2.4's password {@code
 * "The<U+00AD>M<U+00AA>tr<U+2168>"} is only "TheMatrIX" under SASLprep, and RFC 8489's own
 * Appendix B.1 states that result too. For passwords made of printable ASCII, which is what
 * browsers, coturn and our REST credentials use, both profiles and no preparation at all give
 * the same bytes. Not done: the bidirectional-text check (RFC 3454 §6) and refusing code points
 * unassigned in Unicode 3.2.
 */
final class SaslPrep {
  private SaslPrep() {}

  /**
   * Prepares {@code text}.
   *
   * @throws IllegalArgumentException if it contains a prohibited code point after mapping
   */
  static String prepare(String text) {
    if (isPrintableAscii(text)) {
      return text;
    }
    StringBuilder mapped = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (isNonAsciiSpace(cp)) {
        mapped.append(' ');
      } else if (!isMappedToNothing(cp)) {
        mapped.appendCodePoint(cp);
      }
    });
    String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    normalized.codePoints().forEach(cp -> {
      if (isProhibited(cp)) {
        throw new IllegalArgumentException(String.format("prohibited code point U+%04X", cp));
      }
    });
    return normalized;
  }

  private static boolean isPrintableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3454 table C.1.2. */
  private static boolean isNonAsciiSpace(int cp) {
    return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F
        || cp == 0x205F || cp == 0x3000;
  }

  /** RFC 3454 table B.1 (U+200B is also in C.1.2; as a space it was mapped first). */
  private static boolean isMappedToNothing(int cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
        || (cp >= 0x200C && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF;
  }

  /** RFC 3454 tables C.2.1-C.9 as SASLprep (RFC 4013 §2.3) lists them. */
  private static boolean isProhibited(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL // C.2.1, and C.2.2's U+0080-U+009F
        || type == Character.PRIVATE_USE // C.3
        || type == Character.SURROGATE // C.5
        || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF) // C.4 non-characters
        || (cp >= 0xFFF9 && cp <= 0xFFFD) // C.6
        || (cp >= 0x2FF0 && cp <= 0x2FFB) // C.7
        || cp == 0x0340 || cp == 0x0341 || cp == 0x200E || cp == 0x200F // C.8
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x206A && cp <= 0x206F) // C.8
        || cp == 0x06DD || cp == 0x070F || cp == 0x180E || cp == 0x2028 || cp == 0x2029 // C.2.2
        || (cp >= 0x2060 && cp <= 0x2063) || (cp >= 0x1D173 && cp <= 0x1D17A) // C.2.2
        || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F); // C.9
  }
}
