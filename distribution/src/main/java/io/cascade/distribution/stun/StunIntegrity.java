// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.zip.CRC32;
import javax.crypto.Mac;

/**
 * Computes and checks MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.5, §14.6) and
 * FINGERPRINT (§14.7).
 *
 * <p>The HMAC input is the message up to the integrity attribute, with the header's Message Length
 * changed to end just after that attribute; the CRC input is the message up to FINGERPRINT, whose
 * header length already counts FINGERPRINT. Checks run over the bytes the message was decoded
 * from, never over a re-encoding, so padding bytes and attribute order are exactly what the sender
 * protected. HMAC comparisons take the same time wherever the values differ.
 *
 * <p>Keys come from {@link StunCredentials}; an empty key is refused with {@link
 * IllegalArgumentException}, as {@code javax.crypto} cannot key an HMAC with it. Macs are reused per
 * thread (see {@code Hmacs}).
 */
public final class StunIntegrity {
  private static final int FINGERPRINT_XOR = 0x5354554E;

  private StunIntegrity() {}

  /** Whether the message carries a MESSAGE-INTEGRITY that matches {@code key}. */
  public static boolean verifyMessageIntegrity(StunMessage message, byte[] key) {
    StunMessage.WireForm wire = message.wire();
    if (wire == null || wire.integrityAt() < 0) {
      return false;
    }
    int at = wire.integrityAt();
    Hmacs hmac = Hmacs.sha1(key);
    updateWithAdjustedLength(hmac.mac(), wire.bytes(), 0, at, MessageIntegrity.LENGTH);
    return Hmacs.constantTimeEquals(
        hmac.finish(), 0, wire.bytes(), at + 4, MessageIntegrity.LENGTH);
  }

  /** Whether the message carries a full 32-byte MESSAGE-INTEGRITY-SHA256 that matches. */
  public static boolean verifyMessageIntegritySha256(StunMessage message, byte[] key) {
    return verifyMessageIntegritySha256(message, key, MessageIntegritySha256.MAX_LENGTH);
  }

  /**
   * As {@link #verifyMessageIntegritySha256(StunMessage, byte[])}, but accepting a value truncated
   * to no fewer than {@code minimumLength} bytes, for STUN usages that allow truncation (§14.6).
   */
  public static boolean verifyMessageIntegritySha256(
      StunMessage message, byte[] key, int minimumLength) {
    if (!MessageIntegritySha256.isValidLength(minimumLength)) {
      throw new IllegalArgumentException("minimum length must be 16-32 and a multiple of 4");
    }
    StunMessage.WireForm wire = message.wire();
    if (wire == null || wire.integritySha256At() < 0) {
      return false;
    }
    int at = wire.integritySha256At();
    int length = BigEndian.u16(wire.bytes(), at + 2);
    if (length < minimumLength) {
      return false;
    }
    Hmacs hmac = Hmacs.sha256(key);
    updateWithAdjustedLength(hmac.mac(), wire.bytes(), 0, at, length);
    return Hmacs.constantTimeEquals(hmac.finish(), 0, wire.bytes(), at + 4, length);
  }

  /** Whether the message ends with a FINGERPRINT that matches its bytes. */
  public static boolean verifyFingerprint(StunMessage message) {
    StunMessage.WireForm wire = message.wire();
    if (wire == null || wire.fingerprintAt() < 0) {
      return false;
    }
    int at = wire.fingerprintAt();
    // The decoder guarantees FINGERPRINT is last, so the header length already counts it.
    return fingerprint(wire.bytes(), 0, at) == BigEndian.i32(wire.bytes(), at + 4);
  }

  /**
   * Writes a MESSAGE-INTEGRITY attribute at {@code at}, covering the message that starts at {@code
   * start}; leaves the header length pointing at the end of the attribute.
   */
  static void writeMessageIntegrity(byte[] b, int start, int at, byte[] key) {
    writeHeader(b, start, at, MessageIntegrity.TYPE, MessageIntegrity.LENGTH);
    Hmacs hmac = Hmacs.sha1(key);
    updateWithAdjustedLength(hmac.mac(), b, start, at, MessageIntegrity.LENGTH);
    System.arraycopy(hmac.finish(), 0, b, at + 4, MessageIntegrity.LENGTH);
  }

  /** As {@link #writeMessageIntegrity}, for MESSAGE-INTEGRITY-SHA256 of {@code length} bytes. */
  static void writeMessageIntegritySha256(byte[] b, int start, int at, byte[] key, int length) {
    writeHeader(b, start, at, MessageIntegritySha256.TYPE, length);
    Hmacs hmac = Hmacs.sha256(key);
    updateWithAdjustedLength(hmac.mac(), b, start, at, length);
    System.arraycopy(hmac.finish(), 0, b, at + 4, length);
  }

  /** Writes FINGERPRINT at {@code at}, which must end the message. */
  static void writeFingerprint(byte[] b, int start, int at) {
    writeHeader(b, start, at, Fingerprint.TYPE, 4);
    BigEndian.putI32(b, at + 4, fingerprint(b, start, at - start));
  }

  /** CRC-32 (ITU V.42, as {@link CRC32}) of {@code length} bytes, XOR 0x5354554E (§14.7). */
  static int fingerprint(byte[] b, int start, int length) {
    CRC32 crc = new CRC32();
    crc.update(b, start, length);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }

  /** Sets the attribute header at {@code at} and the message length to end after it. */
  private static void writeHeader(byte[] b, int start, int at, int type, int valueLength) {
    BigEndian.putU16(b, at, type);
    BigEndian.putU16(b, at + 2, valueLength);
    BigEndian.putU16(b, start + 2, at + 4 + valueLength - start - StunHeader.LENGTH);
  }

  /**
   * Feeds the message from {@code start} up to {@code at} (the integrity attribute), with the
   * Message Length field replaced by the length ending after an attribute of {@code valueLength}.
   */
  private static void updateWithAdjustedLength(
      Mac mac, byte[] b, int start, int at, int valueLength) {
    int adjusted = at - start + 4 + valueLength - StunHeader.LENGTH;
    mac.update(b, start, 2);
    mac.update((byte) (adjusted >>> 8));
    mac.update((byte) adjusted);
    mac.update(b, start + 4, at - start - 4);
  }
}
