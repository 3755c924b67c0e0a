// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 for the text attributes (USERNAME, REALM, NONCE, SOFTWARE, reason phrases).
 *
 * <p>RFC 8489 lets these be "fewer than 128 characters (which can be as long as 509 bytes when
 * encoding them and as long as 763 bytes when decoding them)" (§14.3, §14.8-§14.10, §14.14). We
 * accept up to 763 bytes both ways so that every decoded value can be re-encoded; we do not count
 * characters. Decoding is strict: malformed UTF-8 is a format error rather than U+FFFD, because a
 * USERNAME that changed bytes would silently derive a different key.
 */
final class Utf8Text {
  /** The decoding limit of RFC 8489 for every text attribute. */
  static final int MAX_BYTES = 763;

  private Utf8Text() {}

  /** Decodes strictly; ASCII, by far the common case, skips the charset decoder. */
  static String decode(String name, byte[] src, int off, int len) throws StunFormatException {
    if (len > MAX_BYTES) {
      throw new StunFormatException(name, len + " bytes is over the " + MAX_BYTES + "-byte limit");
    }
    if (isAscii(src, off, len)) {
      return new String(src, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(src, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StunFormatException(name, "not valid UTF-8");
    }
  }

  /**
   * Checks a value given to a constructor and returns its UTF-8 length.
   *
   * @throws IllegalArgumentException for an unpaired surrogate (no UTF-8 form) or over 763 bytes
   */
  static int checkedLength(String name, String text) {
    Objects.requireNonNull(text, name);
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " has an unpaired surrogate at index " + i);
      } else {
        bytes += 3;
      }
    }
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(name + " is " + bytes + " UTF-8 bytes, over " + MAX_BYTES);
    }
    return bytes;
  }

  /** Writes text already checked by {@link #checkedLength}, without an intermediate array. */
  static void encode(String text, byte[] dst, int off) {
    int at = off;
    for (int i = 0; i < text.length(); i++) {
      int c = text.charAt(i);
      if (c < 0x80) {
        dst[at++] = (byte) c;
      } else if (c < 0x800) {
        dst[at++] = (byte) (0xC0 | c >> 6);
        dst[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate((char) c)) {
        int cp = Character.toCodePoint((char) c, text.charAt(++i));
        dst[at++] = (byte) (0xF0 | cp >> 18);
        dst[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
        dst[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
        dst[at++] = (byte) (0x80 | cp & 0x3F);
      } else {
        dst[at++] = (byte) (0xE0 | c >> 12);
        dst[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        dst[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
  }

  private static boolean isAscii(byte[] src, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (src[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
