// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A certificate fingerprint, {@code a=fingerprint:<hash-func> <fingerprint>} (RFC 8122 §5).
 *
 * <p>The fingerprint is colon-separated pairs of hex digits ({@code 2UHEX *(":" 2UHEX)}). RFC 8122
 * spells the digits in upper case; Firefox and some servers send lower case, so both are accepted
 * and the value is kept in upper case. For the hash functions in the IANA registry the number of
 * bytes must match the digest length; a wrong length is almost always a truncated or corrupted
 * copy, and a fingerprint that can never match must fail loudly rather than at DTLS time.
 *
 * <p>This is what ties the DTLS handshake to the signalling: the transport must check the peer
 * certificate against it before any SRTP or data flows (RFC 8842 §5.1; SPECS.md recalls the pion
 * CVE-2021-28681 that did not).
 *
 * @param hashFunction the hash function's textual name in lower case, for example {@code sha-256}
 * @param value the fingerprint in upper-case colon-hex, for example {@code 4A:AD:...}
 */
public record Fingerprint(String hashFunction, String value) {
  private static final String FIELD = "a=fingerprint";
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
  /** The longest digest accepted for a hash function that is not in the registry. */
  private static final int MAX_UNKNOWN_BYTES = 64;

  /**
   * Hash functions RFC 8827 §6.5 lets a WebRTC endpoint rely on, strongest first: SHA-256 is
   * mandatory to implement, and SHA-1 and MD5 are no longer good enough to bind a certificate.
   */
  public static final List<String> VERIFIABLE = List.of("sha-512", "sha-384", "sha-256");

  public Fingerprint {
    if (!SdpSyntax.isToken(hashFunction) || !hashFunction.equals(lower(hashFunction))) {
      throw new IllegalArgumentException("hash function must be a lower-case token");
    }
    if (value.isEmpty() || !value.equals(COLON_HEX.formatHex(COLON_HEX.parseHex(value)))) {
      throw new IllegalArgumentException("fingerprint must be upper-case colon-hex");
    }
  }

  /** The fingerprint of {@code digest}, which {@code hashFunction} produced. */
  public static Fingerprint of(String hashFunction, byte[] digest) {
    return new Fingerprint(lower(hashFunction), COLON_HEX.formatHex(digest));
  }

  /** The SHA-256 fingerprint of a DER-encoded certificate, as this endpoint announces its own. */
  public static Fingerprint sha256(byte[] certificateDer) {
    return of("sha-256", digest("sha-256", certificateDer));
  }

  /** Decodes the attribute value after {@code a=fingerprint:}. */
  public static Fingerprint decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.size() != 2) {
      throw new SdpParseException(FIELD, "expected '<hash-func> <fingerprint>'");
    }
    String hash = lower(words.get(0));
    if (!SdpSyntax.isToken(hash)) {
      throw new SdpParseException(FIELD, "hash function is not a token");
    }
    byte[] digest = parseColonHex(words.get(1));
    int expected = digestLength(hash);
    if (expected > 0 ? digest.length != expected : digest.length > MAX_UNKNOWN_BYTES) {
      throw new SdpParseException(FIELD, hash + " fingerprint has " + digest.length
          + " bytes, expected " + (expected > 0 ? expected : "at most " + MAX_UNKNOWN_BYTES));
    }
    return of(hash, digest);
  }

  /** The attribute value: {@code <hash-func> <fingerprint>}. */
  public String encode() {
    return hashFunction + " " + value;
  }

  /** The digest bytes. */
  public byte[] bytes() {
    return COLON_HEX.parseHex(value);
  }

  /** Whether {@link #VERIFIABLE} lists this fingerprint's hash function. */
  public boolean isVerifiable() {
    return VERIFIABLE.contains(hashFunction);
  }

  /**
   * Whether a DER-encoded certificate has this fingerprint. Always false for a hash function
   * that is not {@link #isVerifiable verifiable}.
   */
  public boolean matches(byte[] certificateDer) {
    return isVerifiable()
        && MessageDigest.isEqual(digest(hashFunction, certificateDer), bytes());
  }

  private static byte[] parseColonHex(String text) throws SdpParseException {
    // 2HEX *(":" 2HEX): length 3n-1, a colon at every third position, hex digits elsewhere.
    if (text.length() % 3 != 2) {
      throw new SdpParseException(FIELD, "fingerprint is not colon-separated hex pairs");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
      if (!ok) {
        throw new SdpParseException(FIELD, "fingerprint has '" + c + "' at position " + (i + 1)
            + ", expected " + (i % 3 == 2 ? "':'" : "a hex digit"));
      }
    }
    return COLON_HEX.parseHex(text);
  }

  /** Digest length in bytes for the IANA "Hash Function Textual Names", 0 when unknown. */
  private static int digestLength(String hash) {
    return switch (hash) {
      case "md2", "md5" -> 16;
      case "sha-1" -> 20;
      case "sha-224" -> 28;
      case "sha-256" -> 32;
      case "sha-384" -> 48;
      case "sha-512" -> 64;
      default -> 0;
    };
  }

  private static byte[] digest(String hash, byte[] data) {
    try {
      return MessageDigest.getInstance(hash.toUpperCase(Locale.ROOT)).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides " + hash, e);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
