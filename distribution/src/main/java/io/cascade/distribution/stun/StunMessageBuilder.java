// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a STUN message: header, the added attributes in order, then the computed
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, in that order, because each covers
 * everything before it (RFC 8489 §14.5-§14.7). The header length is fixed up before each one is
 * computed.
 *
 * <p>Adding a {@link MessageIntegrity} or {@link Fingerprint} record writes it verbatim, which is
 * how {@link #copyOf} re-encodes a decoded message; the computed ones come from {@link
 * #messageIntegrity}, {@link #messageIntegritySha256} and {@link #fingerprint()}.
 *
 * <p>Cost: {@link #encodeInto} writes straight into the caller's array, HMACs run on this thread's
 * cached Mac, and nothing else is allocated besides this builder, its attribute list and a copy of
 * each key. Not thread-safe; build, encode, discard.
 */
public final class StunMessageBuilder {
  private final StunMessageType type;
  private final TransactionId transactionId;
  private final List<StunAttribute> attributes = new ArrayList<>(6);
  private byte[] integrityKey;
  private byte[] integritySha256Key;
  private int integritySha256Length;
  private boolean fingerprint;
  private byte padding;

  private StunMessageBuilder(StunMessageType type, TransactionId transactionId) {
    this.type = Objects.requireNonNull(type, "type");
    this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
  }

  /** A message of any type; requests need a fresh {@link TransactionId#random}. */
  public static StunMessageBuilder of(StunMessageType type, TransactionId transactionId) {
    return new StunMessageBuilder(type, transactionId);
  }

  /** A request (RFC 8489 §6.1); the id must come from a cryptographic random source. */
  public static StunMessageBuilder request(StunMethod method, TransactionId transactionId) {
    return of(new StunMessageType(method, StunClass.REQUEST), transactionId);
  }

  /** An indication (§6.1); Send and Data indications carry no integrity in TURN. */
  public static StunMessageBuilder indication(StunMethod method, TransactionId transactionId) {
    return of(new StunMessageType(method, StunClass.INDICATION), transactionId);
  }

  /** A success response echoing the request's method and transaction id (§6.3.1.1). */
  public static StunMessageBuilder successResponse(StunMessage request) {
    return of(
        new StunMessageType(request.method(), StunClass.SUCCESS_RESPONSE), request.transactionId());
  }

  /** An error response with ERROR-CODE for {@code error} as its first attribute (§6.3.1.1). */
  public static StunMessageBuilder errorResponse(StunMessage request, StunError error) {
    StunMessageType type = new StunMessageType(request.method(), StunClass.ERROR_RESPONSE);
    return of(type, request.transactionId()).add(ErrorCode.of(error));
  }

  /** A builder holding all of a message's attributes verbatim, integrity attributes included. */
  public static StunMessageBuilder copyOf(StunMessage message) {
    StunMessageBuilder builder = of(message.type(), message.transactionId());
    message.attributes().forEach(builder::add);
    return builder;
  }

  /**
   * Appends an attribute.
   *
   * @throws IllegalStateException after a verbatim FINGERPRINT, which must be last (§14.7)
   */
  public StunMessageBuilder add(StunAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (endsWithFingerprint()) {
      throw new IllegalStateException("FINGERPRINT must be the last attribute");
    }
    attributes.add(attribute);
    return this;
  }

  /** Appends MESSAGE-INTEGRITY (HMAC-SHA1) keyed by {@code key} after all added attributes. */
  public StunMessageBuilder messageIntegrity(byte[] key) {
    integrityKey = requireKey(key);
    return this;
  }

  /** Appends a full 32-byte MESSAGE-INTEGRITY-SHA256, after MESSAGE-INTEGRITY if both are asked. */
  public StunMessageBuilder messageIntegritySha256(byte[] key) {
    return messageIntegritySha256(key, MessageIntegritySha256.MAX_LENGTH);
  }

  /** Appends MESSAGE-INTEGRITY-SHA256 truncated to {@code length} (16-32, multiple of 4; §14.6). */
  public StunMessageBuilder messageIntegritySha256(byte[] key, int length) {
    if (!MessageIntegritySha256.isValidLength(length)) {
      throw new IllegalArgumentException(
          "MESSAGE-INTEGRITY-SHA256 length must be 16-32 and a multiple of 4, got " + length);
    }
    integritySha256Key = requireKey(key);
    integritySha256Length = length;
    return this;
  }

  /** Appends FINGERPRINT as the last attribute. */
  public StunMessageBuilder fingerprint() {
    fingerprint = true;
    return this;
  }

  /**
   * The byte written into padding. RFC 8489 §14 says zero, and that is the default; RFC 5769's
   * vectors, written under RFC 5389 (which allowed any value), pad with spaces, and reproducing
   * them byte for byte needs this.
   */
  StunMessageBuilder padding(byte value) {
    padding = value;
    return this;
  }

  /** Total length of the encoded message in bytes. */
  public int encodedLength() {
    boolean computedTrailer = integrityKey != null || integritySha256Key != null || fingerprint;
    if (computedTrailer && endsWithFingerprint()) {
      throw new IllegalStateException("nothing can follow a verbatim FINGERPRINT");
    }
    int length = StunHeader.LENGTH;
    for (StunAttribute attribute : attributes) {
      length += 4 + BigEndian.pad4(attribute.valueLength());
    }
    length += integrityKey == null ? 0 : 4 + MessageIntegrity.LENGTH;
    length += integritySha256Key == null ? 0 : 4 + integritySha256Length;
    length += fingerprint ? 8 : 0;
    if (length - StunHeader.LENGTH > StunHeader.MAX_BODY_LENGTH) {
      throw new IllegalStateException(
          "message of " + length + " bytes exceeds the 16-bit length field");
    }
    return length;
  }

  /** Encodes into a new array. */
  public byte[] encode() {
    byte[] bytes = new byte[encodedLength()];
    encodeInto(bytes, 0);
    return bytes;
  }

  /** Encodes at {@code offset} and returns the number of bytes written. */
  public int encodeInto(byte[] destination, int offset) {
    int length = encodedLength();
    Objects.checkFromIndexSize(offset, length, destination.length);
    BigEndian.putU16(destination, offset, type.code());
    BigEndian.putI32(destination, offset + 4, StunHeader.MAGIC_COOKIE);
    transactionId.copyTo(destination, offset + 8);
    int at = offset + StunHeader.LENGTH;
    for (StunAttribute attribute : attributes) {
      at = writeAttribute(destination, at, attribute);
    }
    at = writeTrailer(destination, offset, at);
    BigEndian.putU16(destination, offset + 2, at - offset - StunHeader.LENGTH);
    return at - offset;
  }

  /**
   * Appends the encoded message at the buffer's writer index. A heap buffer is written in place; a
   * direct one through a temporary array.
   */
  public void writeTo(ByteBuf buffer) {
    int length = encodedLength();
    buffer.ensureWritable(length);
    if (buffer.hasArray()) {
      encodeInto(buffer.array(), buffer.arrayOffset() + buffer.writerIndex());
      buffer.writerIndex(buffer.writerIndex() + length);
    } else {
      buffer.writeBytes(encode());
    }
  }

  private int writeAttribute(byte[] b, int at, StunAttribute attribute) {
    int valueLength = attribute.valueLength();
    BigEndian.putU16(b, at, attribute.type());
    BigEndian.putU16(b, at + 2, valueLength);
    attribute.encodeValue(b, at + 4, transactionId);
    int end = at + 4 + BigEndian.pad4(valueLength);
    Arrays.fill(b, at + 4 + valueLength, end, padding);
    return end;
  }

  /** Writes the computed integrity attributes and fingerprint; each sets the length it covers. */
  private int writeTrailer(byte[] b, int start, int at) {
    int end = at;
    if (integrityKey != null) {
      StunIntegrity.writeMessageIntegrity(b, start, end, integrityKey);
      end += 4 + MessageIntegrity.LENGTH;
    }
    if (integritySha256Key != null) {
      StunIntegrity.writeMessageIntegritySha256(
          b, start, end, integritySha256Key, integritySha256Length);
      end += 4 + integritySha256Length;
    }
    if (fingerprint) {
      StunIntegrity.writeFingerprint(b, start, end);
      end += 8;
    }
    return end;
  }

  private boolean endsWithFingerprint() {
    return !attributes.isEmpty() && attributes.get(attributes.size() - 1) instanceof Fingerprint;
  }

  private static byte[] requireKey(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("an integrity key must not be empty");
    }
    return key.clone();
  }
}
